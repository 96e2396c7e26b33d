"""Authoring helpers for a producer's event contracts: JSON Schema building blocks, and the writer of the schemas,
examples and AsyncAPI document. Each producer's src/contracts/generate.py holds its spec and calls write().
Offline authoring only, never part of the build; the files it writes are the contract and are committed."""
import copy
import json
import os

ID = {"type": "string", "minLength": 1, "maxLength": 200}
DATE = {"type": "string", "format": "date"}
TIME = {"type": "string", "format": "date-time"}
HHMM = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
TEXT = {"type": "string"}
INT = {"type": "integer"}
NUM = {"type": "number"}
BOOL = {"type": "boolean"}
EMAIL = {"type": "string", "format": "email"}
VERSION = {"type": "integer", "minimum": 1,
           "description": "Version of the entry; a consumer drops an event whose version is not newer than what it has"}


def field(base, desc=None, **extra):
    d = copy.deepcopy(base)
    d.update(extra)
    if desc:
        d["description"] = desc
    return d


def enum(values, desc=None):
    d = {"type": "string", "enum": values}
    if desc:
        d["description"] = desc
    return d


def obj(props, required, desc=None):
    o = {"type": "object", "required": required, "properties": props, "additionalProperties": True}
    if desc:
        o["description"] = desc
    return o


def merge(*ds):
    r = {}
    for d in ds:
        r.update(copy.deepcopy(d))
    return r


class Contracts:
    """The event types of one producer, by topic."""

    def __init__(self, service, topics):
        self.service = service
        self.topics = topics  # topic -> (key field, description)
        self.types = {}

    def event(self, type_, topic, desc, props, req, example):
        missing = [r for r in req if r not in props]
        assert not missing, (type_, missing)
        assert topic in self.topics, (type_, topic)
        self.types[type_] = dict(topic=topic, desc=desc, props=props, req=req, example=example)

    def write(self, out, version, description):
        """Writes schemas/<type>.json, examples/<type>.json and asyncapi.yaml under out."""
        os.makedirs(os.path.join(out, 'schemas'), exist_ok=True)
        os.makedirs(os.path.join(out, 'examples'), exist_ok=True)
        for name, e in self.types.items():
            key, _ = self.topics[e['topic']]
            schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:eshkola:schema:" + name,
                      "title": name, "description": e['desc'] + " Topic " + e['topic'] + ", key = " + key + ".",
                      "type": "object", "required": e['req'], "properties": e['props'], "additionalProperties": True}
            _dump(os.path.join(out, 'schemas', name + '.json'), schema)
            _dump(os.path.join(out, 'examples', name + '.json'), e['example'])
        with open(os.path.join(out, 'asyncapi.yaml'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(self._asyncapi(version, description)) + '\n')

    def _asyncapi(self, version, description):
        lines = ["asyncapi: 3.0.0", "info:", f"  title: {self.service} events", f"  version: {version}",
                 "  description: |"]
        common = [
            "",
            "Envelope: CloudEvents 1.0, Kafka binary mode. Headers ce_specversion=1.0, ce_id (unique, the dedup key),",
            f"ce_type (<service>.<entity>.<verb>.v<N>), ce_source=/{self.service}, ce_time (RFC 3339), ce_subject",
            "(the entity id), content-type=application/json. The record value is the JSON data described by the",
            "schema of the type, served at /schemas/<type>.json with an example at /schemas/examples/<type>.json.",
            "",
            "Evolution: within a major version only optional fields are added; readers ignore unknown fields. A",
            "breaking change is a new type (.v2) on the same topic, published beside the old one until consumers",
            "have moved."]
        for line in description + common:
            lines.append("    " + line if line else "")
        lines += ["defaultContentType: application/json", "servers:", "  local:", "    host: localhost:9092",
                  "    protocol: kafka", "    description: deploy/local/run", "channels:"]
        for topic, (key, desc) in self.topics.items():
            lines += [f"  {topic}:", f"    address: {topic}", f"    description: {_text(desc)}", "    messages:"]
            for name, e in self.types.items():
                if e['topic'] == topic:
                    lines += [f"      {_message(name)}:", f"        $ref: '#/components/messages/{_message(name)}'"]
        lines.append("operations:")
        for name, e in self.types.items():
            lines += [f"  publish{_message(name)}:", "    action: send", "    channel:",
                      f"      $ref: '#/channels/{e['topic']}'", "    messages:",
                      f"      - $ref: '#/channels/{e['topic']}/messages/{_message(name)}'"]
        lines += ["components:", "  messages:"]
        for name, e in self.types.items():
            key, _ = self.topics[e['topic']]
            lines += [f"    {_message(name)}:", f"      name: {name}", f"      title: {_text(e['desc'])}",
                      "      contentType: application/json", "      headers:",
                      "        $ref: '#/components/schemas/cloudEventHeaders'", "      payload:",
                      f"        $ref: '/schemas/{name}.json'", "      bindings:", "        kafka:", "          key:",
                      "            type: string", f"            description: {key}"]
        lines += ["  schemas:", "    cloudEventHeaders:", "      type: object",
                  "      required: [ce_specversion, ce_id, ce_type, ce_source, ce_time]", "      properties:",
                  "        ce_specversion: {type: string, const: '1.0'}",
                  "        ce_id: {type: string, description: Unique event id (UUIDv7); consumers deduplicate on it}",
                  "        ce_type: {type: string}",
                  f"        ce_source: {{type: string, const: /{self.service}}}",
                  "        ce_time: {type: string, format: date-time}",
                  "        ce_subject: {type: string, description: Id of the entity the event is about}",
                  "        content-type: {type: string, const: application/json}"]
        return lines


def _message(type_):
    return ''.join(w.capitalize() for p in type_.split('.')[1:-1] for w in p.split('-'))


def _text(s):
    return json.dumps(s, ensure_ascii=False)


def _dump(path, value):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write('\n')
