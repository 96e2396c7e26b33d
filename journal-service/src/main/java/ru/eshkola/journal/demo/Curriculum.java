package ru.eshkola.journal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A simplified curriculum of a Russian school (lessons per week by grade), enough for a realistic timetable:
 * primary grades 1–4, basic 5–9, secondary 10–11.
 */
final class Curriculum {

    record Subject(String code, String name, String shortName) {
    }

    static final Subject RUSSIAN = new Subject("russian", "Русский язык", "Рус. яз.");
    static final Subject LITERATURE = new Subject("literature", "Литература", "Лит.");
    static final Subject READING = new Subject("reading", "Литературное чтение", "Лит. чт.");
    static final Subject MATH = new Subject("math", "Математика", "Матем.");
    static final Subject ALGEBRA = new Subject("algebra", "Алгебра", "Алг.");
    static final Subject GEOMETRY = new Subject("geometry", "Геометрия", "Геом.");
    static final Subject ENGLISH = new Subject("english", "Английский язык", "Англ. яз.");
    static final Subject WORLD = new Subject("world", "Окружающий мир", "Окр. мир");
    static final Subject HISTORY = new Subject("history", "История", "Ист.");
    static final Subject SOCIAL = new Subject("social", "Обществознание", "Общ.");
    static final Subject GEOGRAPHY = new Subject("geography", "География", "Геогр.");
    static final Subject BIOLOGY = new Subject("biology", "Биология", "Биол.");
    static final Subject PHYSICS = new Subject("physics", "Физика", "Физ.");
    static final Subject CHEMISTRY = new Subject("chemistry", "Химия", "Хим.");
    static final Subject INFORMATICS = new Subject("informatics", "Информатика", "Инф.");
    static final Subject PE = new Subject("pe", "Физическая культура", "Физ-ра");
    static final Subject ART = new Subject("art", "Изобразительное искусство", "ИЗО");
    static final Subject MUSIC = new Subject("music", "Музыка", "Муз.");
    static final Subject TECHNOLOGY = new Subject("technology", "Труд (технология)", "Труд");

    static final List<Subject> ALL = List.of(RUSSIAN, LITERATURE, READING, MATH, ALGEBRA, GEOMETRY, ENGLISH, WORLD,
            HISTORY, SOCIAL, GEOGRAPHY, BIOLOGY, PHYSICS, CHEMISTRY, INFORMATICS, PE, ART, MUSIC, TECHNOLOGY);

    private Curriculum() {
    }

    /** The week of a grade: each subject as many times as it has lessons per week. */
    static List<Subject> week(int grade) {
        List<Subject> week = new ArrayList<>();
        if (grade <= 4) {
            add(week, RUSSIAN, 5);
            add(week, READING, 4);
            add(week, MATH, 4);
            add(week, WORLD, 2);
            add(week, PE, 2);
            add(week, ART, 1);
            add(week, MUSIC, 1);
            add(week, TECHNOLOGY, 1);
            if (grade >= 2) {
                add(week, ENGLISH, 2);
            }
        } else {
            add(week, RUSSIAN, grade <= 6 ? 5 : grade <= 9 ? 3 : 2);
            add(week, LITERATURE, grade <= 6 ? 3 : 2);
            add(week, ENGLISH, 3);
            add(week, HISTORY, 2);
            add(week, PE, 2);
            add(week, GEOGRAPHY, grade <= 6 ? 1 : 2);
            add(week, BIOLOGY, grade <= 6 ? 1 : 2);
            if (grade <= 6) {
                add(week, MATH, 5);
                add(week, MUSIC, 1);
                add(week, ART, 1);
                add(week, TECHNOLOGY, 2);
            } else {
                add(week, ALGEBRA, 3);
                add(week, GEOMETRY, 2);
                add(week, PHYSICS, grade <= 9 ? 2 : 3);
                add(week, INFORMATICS, 1);
                add(week, SOCIAL, 1);
                if (grade >= 8) {
                    add(week, CHEMISTRY, 2);
                }
            }
        }
        return week;
    }

    private static void add(List<Subject> week, Subject subject, int times) {
        for (int i = 0; i < times; i++) {
            week.add(subject);
        }
    }
}
