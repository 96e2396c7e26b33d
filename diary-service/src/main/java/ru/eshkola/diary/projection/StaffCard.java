package ru.eshkola.diary.projection;

/**
 * A teacher's name for display ({@code _id = staffId}). The diary may show who teaches a lesson: that is not a
 * child's data. The journal's event also carries the e-mail; the diary does not keep it.
 */
public class StaffCard extends ProjectionDocument {

    public static final String COLLECTION = "staff";

    String lastName;
    String firstName;
    String middleName;
    long version;

    StaffCard() {
    }

    static StaffCard empty(String staffId) {
        StaffCard card = new StaffCard();
        card.id = staffId;
        return card;
    }

    void changed(JournalEvents.StaffChanged e) {
        if (e.version() > version) {
            lastName = e.lastName();
            firstName = e.firstName();
            middleName = e.middleName();
            version = e.version();
        }
    }

    /** "Смирнова О. П.", as a diary shows a teacher. */
    public String shortName() {
        return lastName + " " + firstName.charAt(0) + "." + (middleName == null || middleName.isEmpty() ? ""
                : " " + middleName.charAt(0) + ".");
    }
}
