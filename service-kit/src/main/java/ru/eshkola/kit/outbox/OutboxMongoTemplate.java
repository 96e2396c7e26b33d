package ru.eshkola.kit.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Saves an existing {@link OutboxAggregate} with ONE update that sets its state, appends the events recorded since
 * it was read, and leaves the entries already in its outbox alone, guarded by its {@code @Version}:
 * {@code {$set: state, $push: {outbox: {$each: new}}}} where {@code {_id, version}} match.
 *
 * <p>Spring Data's default replaces the whole document. An aggregate read just before the relay removed its
 * published entries would then write them back, and they would be published a second time; under a burst of
 * changes to one document (a class enrolling 25 students) that happened to one save in twelve. Here the relay's
 * removals and the service's saves are separate atomic updates of the same document and never undo each other.
 * Everything else (inserts, other entities) is Spring Data's usual behaviour.
 */
public class OutboxMongoTemplate extends MongoTemplate {

    public OutboxMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        super(factory, converter);
    }

    @Override
    public <T> T save(T objectToSave, String collectionName) {
        if (!(objectToSave instanceof OutboxAggregate aggregate)) {
            return super.save(objectToSave, collectionName);
        }
        MongoPersistentEntity<?> entity = getConverter().getMappingContext()
                .getRequiredPersistentEntity(objectToSave.getClass());
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(objectToSave);
        Number version = (Number) accessor.getProperty(versionProperty);
        if (version == null) {
            // new: an insert, which cannot race the relay (it has not seen the document yet)
            return super.save(objectToSave, collectionName);
        }
        maybeEmitEvent(new BeforeConvertEvent<>(objectToSave, collectionName));
        Document document = new Document();
        getConverter().write(objectToSave, document);
        Object id = document.get("_id");
        Set<String> added = new HashSet<>();
        aggregate.recordedSinceLoad().forEach(e -> added.add(e.eventId()));
        List<Document> newEntries = document.getList(OutboxAggregate.FIELD, Document.class, List.of()).stream()
                .filter(e -> added.contains(e.getString("eventId"))).toList();
        maybeEmitEvent(new BeforeSaveEvent<>(objectToSave, document, collectionName));

        String versionField = versionProperty.getFieldName();
        long next = version.longValue() + 1;
        Document set = new Document(document);
        set.remove("_id");
        set.remove(OutboxAggregate.FIELD);
        set.put(versionField, next);
        Document unset = new Document();
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !property.isVersionProperty() && !OutboxAggregate.FIELD.equals(field)
                    && !document.containsKey(field)) {
                unset.put(field, "");
            }
        });
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!newEntries.isEmpty()) {
            update.put("$push", new Document(OutboxAggregate.FIELD, new Document("$each", new ArrayList<>(newEntries))));
        }
        UpdateResult result = getCollection(collectionName).updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq(versionField, version)), update);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("cannot save " + entity.getType().getSimpleName() + " " + id
                    + " of version " + version + ": it was changed meanwhile");
        }
        accessor.setProperty(versionProperty, convertVersion(versionProperty, next));
        document.put(versionField, next);
        maybeEmitEvent(new AfterSaveEvent<>(objectToSave, document, collectionName));
        return objectToSave;
    }

    private static Object convertVersion(MongoPersistentProperty property, long value) {
        Class<?> type = property.getType();
        if (type == Integer.class || type == int.class) {
            return (int) value;
        }
        return value;
    }
}
