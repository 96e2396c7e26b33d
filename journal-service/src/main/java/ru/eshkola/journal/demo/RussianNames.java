package ru.eshkola.journal.demo;

import java.util.List;
import java.util.Random;

/** Common Russian names, for demo people only. */
final class RussianNames {

    record Name(String lastName, String firstName, String middleName) {
    }

    private static final List<String> MALE_FIRST = List.of("Александр", "Дмитрий", "Максим", "Иван", "Артём",
            "Михаил", "Никита", "Егор", "Андрей", "Кирилл", "Илья", "Матвей", "Тимофей", "Роман", "Владимир",
            "Ярослав", "Фёдор", "Георгий", "Константин", "Лев");
    private static final List<String> FEMALE_FIRST = List.of("Анна", "Мария", "Софья", "Алиса", "Виктория",
            "Полина", "Елизавета", "Дарья", "Анастасия", "Варвара", "Ксения", "Вероника", "Арина", "Екатерина",
            "Ульяна", "Таисия", "Милана", "Василиса", "Ольга", "Татьяна");
    private static final List<String> LAST = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
            "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
            "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв");
    /** Patronymics, male and female, from common fathers' names. */
    private static final List<String[]> PATRONYMICS = List.of(
            new String[] {"Александрович", "Александровна"}, new String[] {"Сергеевич", "Сергеевна"},
            new String[] {"Андреевич", "Андреевна"}, new String[] {"Дмитриевич", "Дмитриевна"},
            new String[] {"Алексеевич", "Алексеевна"}, new String[] {"Михайлович", "Михайловна"},
            new String[] {"Игоревич", "Игоревна"}, new String[] {"Владимирович", "Владимировна"},
            new String[] {"Николаевич", "Николаевна"}, new String[] {"Евгеньевич", "Евгеньевна"},
            new String[] {"Олегович", "Олеговна"}, new String[] {"Павлович", "Павловна"});

    private RussianNames() {
    }

    static Name next(Random random) {
        boolean female = random.nextBoolean();
        String last = LAST.get(random.nextInt(LAST.size()));
        String[] patronymic = PATRONYMICS.get(random.nextInt(PATRONYMICS.size()));
        if (female) {
            return new Name(last + "а", FEMALE_FIRST.get(random.nextInt(FEMALE_FIRST.size())), patronymic[1]);
        }
        return new Name(last, MALE_FIRST.get(random.nextInt(MALE_FIRST.size())), patronymic[0]);
    }
}
