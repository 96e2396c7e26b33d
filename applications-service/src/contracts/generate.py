#!/usr/bin/env python3
"""Writes applications-service's event contracts: one JSON Schema and one example per event type, and the AsyncAPI
document. The schemas are the contract (producer ITs validate every published payload against them, consumers test
their own records against them); this script only keeps them consistent. Offline authoring only, never in the build.
Run it after editing the spec below, then commit what it wrote:
    python3 applications-service/src/contracts/generate.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "service-kit", "src", "contracts"))
from contracts import *  # noqa: E402,F403  the shared building blocks and writer

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'contracts')

IDS = {"type": "array", "items": ID, "minItems": 1}

TOPICS = {
    "applications.applications": ("applicationId", "Applications for the public service: receipt, decision, termination, and decisions due soon or overdue. Key = applicationId."),
    "applications.access": ("studentId", "Which account may read which student's diary, from when to when: what the diary needs. Key = studentId, so one student's grants and revocations stay in order. Ids only."),
    "applications.accounts": ("accountId", "User accounts issued and blocked. Key = accountId. Carries login, e-mail and name: notification mails the credentials (a one-time activation link, never a password)."),
    "applications.consents": ("consentId", "Consents to personal-data processing (152-ФЗ) given and withdrawn. Key = consentId. Ids and purposes only."),
    "applications.complaints": ("complaintId", "Complaints registered, answered, and answers due soon or overdue. Key = complaintId."),
}

C = Contracts("applications-service", TOPICS)
SCHOOL = "019ab3f2-6c4e-7a10-9c3d-5e2f4a6b7c80"
STUDENT = "8e7d6c5b-4a39-3281-b0c1-d2e3f4a5b6c7"
APP = "019ab5a1-2c3d-7e4f-8a9b-0c1d2e3f4a5b"
TERM_APP = "019ab9c0-1d2e-7f3a-8b4c-5d6e7f8a9b0c"
CONSENT = "019ab5a0-9f8e-7d6c-8b5a-4f3e2d1c0b9a"
ACCOUNT = "019ab5b2-3d4e-7f5a-9b6c-7d8e9f0a1b2c"
ACCESS = "5f4e3d2c-1b0a-3f9e-8d7c-6b5a4f3e2d1c"
COMPLAINT = "019ab7d3-4e5f-7a6b-8c7d-9e0f1a2b3c4d"
ADMIN = "1a2b3c4d-5e6f-3a7b-8c9d-0e1f2a3b4c5d"

KIND = enum(["ELECTRONIC_DIARY", "PAPER_EXTRACT", "TERMINATION"], "ELECTRONIC_DIARY: information in the form of the electronic diary and journal; PAPER_EXTRACT: a paper extract from the class journal for a period; TERMINATION: termination of the service at the applicant's request")
APPLICANT_KIND = enum(["PARENT", "LEGAL_GUARDIAN", "REPRESENTATIVE", "STUDENT"], "Who applied: a parent, a legal guardian, a representative under a power of attorney, or the student aged 14+")
APPLICANT_NAME = field(TEXT, "Personal data, needed by notification to address the applicant in the e-mail", minLength=1)
CONTACT = field(EMAIL, "Personal data: the applicant's e-mail, where notification sends this notice")
EXTRACT_PERIOD = obj({"from": field(DATE, "First day the extract covers"), "to": field(DATE, "Last day the extract covers")},
                     ["from", "to"], "Only for kind PAPER_EXTRACT: the period of the extract from the class journal")
BASE_APP = {"applicationId": ID, "schoolId": ID, "registrationNumber": field(TEXT, "Registration number in the school's register, per year, e.g. 2026-0017"),
            "studentIds": field(IDS, "The students the application is about"), "version": VERSION}

C.event("applications.application.received.v1", "applications.applications",
   "An application was registered. applicantName and contactEmail are there because notification confirms the registration to the applicant.",
   dict(BASE_APP, kind=KIND, applicantKind=APPLICANT_KIND, applicantName=APPLICANT_NAME, contactEmail=CONTACT,
        receivedAt=field(TIME, "When the school received it"), registeredAt=TIME, registeredBy=field(ID, "Who registered it"),
        decisionDue=field(DATE, "The day (school's calendar) by which the decision or the written refusal is due: 10 working days after receipt"),
        extractPeriod=EXTRACT_PERIOD),
   ["applicationId", "schoolId", "registrationNumber", "kind", "applicantKind", "applicantName", "contactEmail", "studentIds", "receivedAt", "registeredAt", "registeredBy", "decisionDue", "version"],
   {"applicationId": APP, "schoolId": SCHOOL, "registrationNumber": "2026-0017", "kind": "ELECTRONIC_DIARY", "applicantKind": "PARENT",
    "applicantName": "Иванова Мария Петровна", "contactEmail": "m.ivanova@example.ru", "studentIds": [STUDENT],
    "receivedAt": "2026-11-23T04:30:00Z", "registeredAt": "2026-11-23T05:00:00Z", "registeredBy": ADMIN, "decisionDue": "2026-12-07", "version": 1})

C.event("applications.application.granted.v1", "applications.applications",
   "The service was granted. applicantName and contactEmail are there because notification tells the applicant, and the account for the electronic diary is issued to that e-mail.",
   dict(BASE_APP, kind=KIND, applicantKind=APPLICANT_KIND, applicantName=APPLICANT_NAME, contactEmail=CONTACT,
        consentIds={"type": "array", "items": ID, "description": "The consents the grant relied on (empty for a termination)"},
        decidedAt=TIME, decidedBy=ID, onTime=field(BOOL, "Decided no later than the due date"), extractPeriod=EXTRACT_PERIOD),
   ["applicationId", "schoolId", "registrationNumber", "kind", "applicantKind", "applicantName", "contactEmail", "studentIds", "consentIds", "decidedAt", "decidedBy", "onTime", "version"],
   {"applicationId": APP, "schoolId": SCHOOL, "registrationNumber": "2026-0017", "kind": "ELECTRONIC_DIARY", "applicantKind": "PARENT",
    "applicantName": "Иванова Мария Петровна", "contactEmail": "m.ivanova@example.ru", "studentIds": [STUDENT], "consentIds": [CONSENT],
    "decidedAt": "2026-11-25T06:00:00Z", "decidedBy": ADMIN, "onTime": True, "version": 2})

C.event("applications.application.refused.v1", "applications.applications",
   "The service was refused with a written notice. applicantName and contactEmail are there because notification sends the notice, which it fetches from noticeUrl.",
   dict(BASE_APP, kind=KIND, applicantName=APPLICANT_NAME, contactEmail=CONTACT,
        grounds={"type": "array", "items": field(TEXT, "STUDENT_NOT_ENROLLED, APPLICANT_NOT_ENTITLED, APPLICATION_INCOMPLETE, NO_CONSENT or a ground the operator configured"), "minItems": 1},
        decidedAt=TIME, decidedBy=ID,
        noticeUrl=field(TEXT, "Path of the written refusal notice (PDF, Russian) on applications-service", pattern="^/api/v1/applications/.+/refusal-notice\\.pdf$"),
        decisionDue=DATE, onTime=field(BOOL, "Refused no later than the due date")),
   ["applicationId", "schoolId", "registrationNumber", "kind", "applicantName", "contactEmail", "studentIds", "grounds", "decidedAt", "decidedBy", "noticeUrl", "decisionDue", "onTime", "version"],
   {"applicationId": APP, "schoolId": SCHOOL, "registrationNumber": "2026-0017", "kind": "ELECTRONIC_DIARY",
    "applicantName": "Иванова Мария Петровна", "contactEmail": "m.ivanova@example.ru", "studentIds": [STUDENT], "grounds": ["APPLICATION_INCOMPLETE"],
    "decidedAt": "2026-11-25T06:00:00Z", "decidedBy": ADMIN, "noticeUrl": "/api/v1/applications/" + APP + "/refusal-notice.pdf",
    "decisionDue": "2026-12-07", "onTime": True, "version": 2})

C.event("applications.application.terminated.v1", "applications.applications",
   "A granted service ended. applicantName and contactEmail are there because notification tells the applicant that the service ended and why.",
   dict(BASE_APP, applicantName=APPLICANT_NAME, contactEmail=CONTACT,
        reason=enum(["APPLICANT_REQUEST", "CONSENT_WITHDRAWN", "STUDENT_LEFT_SCHOOL"]),
        consentId=field(ID, "The withdrawn consent, when that was the reason"),
        terminationApplicationId=field(ID, "The applicant's termination application, when there was one"),
        terminatedAt=TIME, terminatedBy=field(ID, "Who terminated it; system:journal when the journal reported the student left")),
   ["applicationId", "schoolId", "registrationNumber", "applicantName", "contactEmail", "studentIds", "reason", "terminatedAt", "terminatedBy", "version"],
   {"applicationId": APP, "schoolId": SCHOOL, "registrationNumber": "2026-0017", "applicantName": "Иванова Мария Петровна",
    "contactEmail": "m.ivanova@example.ru", "studentIds": [STUDENT], "reason": "APPLICANT_REQUEST", "terminationApplicationId": TERM_APP,
    "terminatedAt": "2027-02-01T06:00:00Z", "terminatedBy": ADMIN, "version": 3})

STAGE = enum(["DUE_SOON", "OVERDUE"], "DUE_SOON: at most eshkola.deadlines.warn-before-working-days working days left; OVERDUE: the due date has passed. Each stage is published once per entry.")
C.event("applications.decision.overdue.v1", "applications.applications",
   "An application still undecided is due soon or overdue. Ids only: it is for the school and monitoring, not for the applicant.",
   {"applicationId": ID, "schoolId": ID, "registrationNumber": TEXT, "receivedAt": TIME, "decisionDue": DATE, "stage": STAGE,
    "workingDaysLeft": field(INT, "Working days after today up to the due date; 0 on and after it", minimum=0), "detectedAt": TIME, "version": VERSION},
   ["applicationId", "schoolId", "registrationNumber", "receivedAt", "decisionDue", "stage", "workingDaysLeft", "detectedAt", "version"],
   {"applicationId": APP, "schoolId": SCHOOL, "registrationNumber": "2026-0017", "receivedAt": "2026-11-23T04:30:00Z", "decisionDue": "2026-12-07",
    "stage": "OVERDUE", "workingDaysLeft": 0, "detectedAt": "2026-12-08T00:01:00Z", "version": 2})

ACCESS_PROPS = {"accessId": field(ID, "Stable id of this grant of access"), "guardianAccountId": field(ID, "The account (the sub of its tokens) that may read the student's diary"),
                "studentId": ID, "schoolId": ID, "applicationId": field(ID, "The application the access was granted on"),
                "relation": enum(["GUARDIAN", "SELF"], "GUARDIAN: a parent, legal guardian or representative; SELF: the student aged 14+"),
                "from": field(DATE, "First day of access"), "to": field(DATE, "Last day of access"),
                "reason": field(TEXT, "Why the access ended: the application's termination reason"), "changedAt": TIME, "version": VERSION}
ACCESS_EX = {"accessId": ACCESS, "guardianAccountId": ACCOUNT, "studentId": STUDENT, "schoolId": SCHOOL, "applicationId": APP,
             "relation": "GUARDIAN", "from": "2026-11-25", "changedAt": "2026-11-25T06:00:01Z", "version": 1}
C.event("applications.access.granted.v1", "applications.access", "An account may read a student's diary from a date.", ACCESS_PROPS,
   ["accessId", "guardianAccountId", "studentId", "schoolId", "applicationId", "relation", "from", "changedAt", "version"], ACCESS_EX)
C.event("applications.access.revoked.v1", "applications.access", "An account may no longer read a student's diary after a date.", ACCESS_PROPS,
   ["accessId", "guardianAccountId", "studentId", "schoolId", "applicationId", "relation", "from", "to", "reason", "changedAt", "version"],
   dict(ACCESS_EX, to="2027-02-01", reason="APPLICANT_REQUEST", changedAt="2027-02-01T06:00:01Z", version=2))

ACCOUNT_BASE = {"accountId": field(ID, "The sub of the account's tokens"), "login": field(TEXT, "Personal data: the login (the e-mail address), told to the user in the mail"),
                "email": field(EMAIL, "Personal data: where notification sends the mail"), "name": field(TEXT, "Personal data: how the mail addresses the user")}
C.event("applications.account.issued.v1", "applications.accounts",
   "An account was issued (or re-issued): notification mails the credentials. login, email and name address that mail; activationUrl is a one-time link (a random token, single use, expiring) where the user sets the password. Never a password or a hash.",
   dict(ACCOUNT_BASE, roles={"type": "array", "items": TEXT, "description": "Roles at issue: GUARDIAN, STUDENT, TEACHER, SCHOOL_ADMINISTRATOR, MUNICIPAL_OPERATOR, REGIONAL_OPERATOR"},
        activationUrl=field(TEXT, "The one-time activation link", format="uri"), activationExpiresAt=TIME,
        verificationHint=field(TEXT, "What the activation form also asks for (the application's registration number, the staff number); absent when the link alone activates"),
        reissue=field(BOOL, "A new link for an account that existed (re-issued after blocking or expiry)"), issuedAt=TIME, version=VERSION),
   ["accountId", "login", "email", "name", "roles", "activationUrl", "activationExpiresAt", "reissue", "issuedAt", "version"],
   {"accountId": ACCOUNT, "login": "m.ivanova@example.ru", "email": "m.ivanova@example.ru", "name": "Иванова Мария Петровна", "roles": ["GUARDIAN"],
    "activationUrl": "https://eshkola.example.ru/activate?token=q3Zx0oVb8wQ1mT7rYk2d9Fh4sLp6uN5cGj0aE8iW3xM", "activationExpiresAt": "2026-12-02T06:00:01Z",
    "verificationHint": "the registration number of your application", "reissue": False, "issuedAt": "2026-11-25T06:00:01Z", "version": 1})
C.event("applications.account.blocked.v1", "applications.accounts",
   "An account was annulled: it cannot sign in, and every service drops its tokens issued before tokensInvalidBefore. login, email and name: notification tells the user.",
   dict(ACCOUNT_BASE, reason=field(TEXT, "SERVICE_TERMINATED (the last service ended), STAFF_LEFT (inactive in the journal), STAFF_LOGIN_CHANGED (the staff record moved to a new work e-mail) or ON_REQUEST"), blockedAt=TIME, blockedBy=ID,
        tokensInvalidBefore=field(TIME, "Tokens of this account with an iat not after this instant are void"), version=VERSION),
   ["accountId", "login", "email", "name", "reason", "blockedAt", "blockedBy", "tokensInvalidBefore", "version"],
   {"accountId": ACCOUNT, "login": "m.ivanova@example.ru", "email": "m.ivanova@example.ru", "name": "Иванова Мария Петровна", "reason": "SERVICE_TERMINATED",
    "blockedAt": "2027-02-01T06:00:01Z", "blockedBy": ADMIN, "tokensInvalidBefore": "2027-02-01T06:00:01Z", "version": 4})

PURPOSES = {"type": "array", "items": enum(["DIARY_AND_JOURNAL", "PAPER_EXTRACT", "EMAIL_NOTICES"]), "minItems": 1, "description": "What the data may be processed for"}
C.event("applications.consent.given.v1", "applications.consents", "A consent to the processing of a student's personal data was recorded.",
   {"consentId": ID, "schoolId": ID, "studentId": ID, "givenBy": APPLICANT_KIND, "purposes": PURPOSES, "givenAt": TIME,
    "applicationId": field(ID, "The application it came with, if any"), "registeredAt": TIME, "registeredBy": ID, "version": VERSION},
   ["consentId", "schoolId", "studentId", "givenBy", "purposes", "givenAt", "registeredAt", "registeredBy", "version"],
   {"consentId": CONSENT, "schoolId": SCHOOL, "studentId": STUDENT, "givenBy": "PARENT", "purposes": ["DIARY_AND_JOURNAL", "EMAIL_NOTICES"],
    "givenAt": "2026-11-23T04:30:00Z", "applicationId": APP, "registeredAt": "2026-11-23T05:01:00Z", "registeredBy": ADMIN, "version": 1})
C.event("applications.consent.withdrawn.v1", "applications.consents", "A consent was withdrawn; the services granted on it are terminated.",
   {"consentId": ID, "schoolId": ID, "studentId": ID, "purposes": PURPOSES, "givenAt": TIME, "withdrawnAt": TIME, "withdrawnBy": ID, "version": VERSION},
   ["consentId", "schoolId", "studentId", "purposes", "givenAt", "withdrawnAt", "withdrawnBy", "version"],
   {"consentId": CONSENT, "schoolId": SCHOOL, "studentId": STUDENT, "purposes": ["DIARY_AND_JOURNAL", "EMAIL_NOTICES"], "givenAt": "2026-11-23T04:30:00Z",
    "withdrawnAt": "2027-03-01T05:00:00Z", "withdrawnBy": ADMIN, "version": 2})

SUBJECT = enum(["DECISION", "ACTION", "REFUSAL_TO_ACCEPT_DOCUMENTS", "MISTAKE_NOT_CORRECTED"], "What the complaint is about; the last two are answered within 5 working days, the others within 15")
COMPLAINANT = field(TEXT, "Personal data, needed by notification to address the complainant", minLength=1)
COMPLAINT_CONTACT = field(EMAIL, "Personal data: where notification sends the acknowledgement and the answer")
C.event("applications.complaint.registered.v1", "applications.complaints",
   "A complaint was registered. complainantName and contactEmail are there because notification acknowledges it.",
   {"complaintId": ID, "schoolId": ID, "registrationNumber": TEXT, "applicationId": field(ID, "The application it is about, if any"), "subject": SUBJECT,
    "complainantName": COMPLAINANT, "contactEmail": COMPLAINT_CONTACT, "receivedAt": TIME, "registeredAt": TIME, "registeredBy": ID,
    "answerDue": field(DATE, "The day (school's calendar) by which the answer is due"), "version": VERSION},
   ["complaintId", "schoolId", "registrationNumber", "subject", "complainantName", "contactEmail", "receivedAt", "registeredAt", "registeredBy", "answerDue", "version"],
   {"complaintId": COMPLAINT, "schoolId": SCHOOL, "registrationNumber": "2026-0003", "applicationId": APP, "subject": "DECISION",
    "complainantName": "Иванова Мария Петровна", "contactEmail": "m.ivanova@example.ru", "receivedAt": "2026-11-26T04:00:00Z",
    "registeredAt": "2026-11-26T05:00:00Z", "registeredBy": ADMIN, "answerDue": "2026-12-17", "version": 1})
C.event("applications.complaint.answered.v1", "applications.complaints",
   "A complaint was answered. complainantName, contactEmail and the answer's text are there because notification sends the answer.",
   {"complaintId": ID, "schoolId": ID, "registrationNumber": TEXT, "applicationId": ID, "complainantName": COMPLAINANT, "contactEmail": COMPLAINT_CONTACT,
    "outcome": enum(["UPHELD", "PARTIALLY_UPHELD", "REJECTED"]), "answer": field(TEXT, "The reasoned answer, in Russian", minLength=1),
    "answeredAt": TIME, "answeredBy": ID, "answerDue": DATE, "onTime": field(BOOL, "Answered no later than the due date"), "version": VERSION},
   ["complaintId", "schoolId", "registrationNumber", "complainantName", "contactEmail", "outcome", "answer", "answeredAt", "answeredBy", "answerDue", "onTime", "version"],
   {"complaintId": COMPLAINT, "schoolId": SCHOOL, "registrationNumber": "2026-0003", "applicationId": APP, "complainantName": "Иванова Мария Петровна",
    "contactEmail": "m.ivanova@example.ru", "outcome": "UPHELD", "answer": "Жалоба удовлетворена: заявление рассмотрено повторно, услуга предоставлена.",
    "answeredAt": "2026-12-10T06:00:00Z", "answeredBy": ADMIN, "answerDue": "2026-12-17", "onTime": True, "version": 2})
C.event("applications.complaint.overdue.v1", "applications.complaints",
   "A complaint still unanswered is due soon or overdue. Ids only: it is for the school and monitoring.",
   {"complaintId": ID, "schoolId": ID, "registrationNumber": TEXT, "subject": SUBJECT, "answerDue": DATE, "stage": STAGE,
    "workingDaysLeft": field(INT, "Working days after today up to the due date; 0 on and after it", minimum=0), "detectedAt": TIME, "version": VERSION},
   ["complaintId", "schoolId", "registrationNumber", "subject", "answerDue", "stage", "workingDaysLeft", "detectedAt", "version"],
   {"complaintId": COMPLAINT, "schoolId": SCHOOL, "registrationNumber": "2026-0003", "subject": "DECISION", "answerDue": "2026-12-17",
    "stage": "DUE_SOON", "workingDaysLeft": 2, "detectedAt": "2026-12-15T00:01:00Z", "version": 2})

DESCRIPTION = ["Events of the registers of the public service's front door (applications, consents, complaints, accounts)", 'and of the access they grant, published through a transactional outbox with an idempotent, acks=all',
    'producer. At-least-once: a re-published event keeps its ce_id, so consumers deduplicate on it.',
    '',
    'Ordering and staleness: records of one key (see each channel) keep their order. Every entry carries a',
    'version; a consumer keeps the highest version it saw and drops older ones.',
    '', "Personal data: ids only, except what notification needs to write its e-mails — the applicant's or", "complainant's name and e-mail, an account's login, e-mail and name, a complaint's answer — each field", 'saying why it is there. Never a password, a password hash or a token other than the one-time activation link.']

if __name__ == "__main__":
    C.write(OUT, "0.2.0", DESCRIPTION)
