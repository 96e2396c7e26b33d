package ru.eshkola.diary.projection;

/** A subject of the region's catalogue ({@code _id = subjectId}). */
public class SubjectCard extends ProjectionDocument {

    public static final String COLLECTION = "subjects";

    String name;
    String shortName;
    long version;

    SubjectCard() {
    }

    static SubjectCard empty(String subjectId) {
        SubjectCard card = new SubjectCard();
        card.id = subjectId;
        return card;
    }

    void defined(JournalEvents.SubjectDefined e) {
        if (e.version() > version) {
            name = e.name();
            shortName = e.shortName();
            version = e.version();
        }
    }

    public String name() {
        return name;
    }
}
