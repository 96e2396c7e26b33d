package ru.eshkola.journal.access;

import java.util.List;
import java.util.UUID;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.schoolyears.SchoolCalendar;
import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.TestTokens;
import ru.eshkola.kit.testing.TestTokens.Token;

/**
 * Two schools of two municipalities with everything the access rules look at, built through the API by the people
 * who may build it: in school A, class 7Б with students s1, s2 (and s3, who left), the mathematics teacher t1 of 7Б,
 * t2 who teaches 7А only, lessons, a timetable and period marks; school B elsewhere with its own class, teacher,
 * student and lesson. {@link Who} names every kind of caller the matrix asks.
 */
final class AccessWorld {

    /** Every kind of caller the access matrix asks, with the token each one sends. */
    enum Who {
        ANONYMOUS, GUARDIAN, STUDENT, TEACHER_OF_THE_CLASS, TEACHER_OF_ANOTHER_CLASS, ADMINISTRATOR_OF_THE_SCHOOL,
        ADMINISTRATOR_OF_ANOTHER_SCHOOL, MUNICIPAL_OPERATOR_OF_THE_TERRITORY, MUNICIPAL_OPERATOR_ELSEWHERE,
        REGIONAL_OPERATOR, REGIONAL_OPERATOR_OF_ANOTHER_REGION
    }

    final JournalApi api;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String municipalityA = "m-a-" + run;
    final String municipalityB = "m-b-" + run;
    final String schoolA;
    final String codeA;
    final String schoolB;
    final String math;
    final String physics;
    final String t1;
    final String t2;
    final String t3;
    final String seventhB;
    final String seventhA;
    final String s1Number = "MX-" + run + "-1";
    final String s1 = StudentRegistry.studentId(s1Number);
    final String s2;
    final String s3;
    final String lesson;
    final String lessonToWithdraw;
    final String lessonToCancel;
    final String quarter1;
    final String classB;
    final String teacherB;
    final String studentB;
    final String lessonB;

    AccessWorld(int port) {
        api = new JournalApi(port);
        schoolA = api.school(municipalityA);
        codeA = api.ok(api.get("/api/v1/schools/" + schoolA, JournalApi.OPERATOR)).get("code").asString();
        schoolB = api.school(municipalityB);
        math = api.subject("math", "Математика");
        physics = api.subject("physics", "Физика");
        Token adminA = JournalApi.admin(schoolA);
        t1 = api.teacher(schoolA, "Смирнова");
        t2 = api.teacher(schoolA, "Орлова");
        t3 = api.teacher(schoolA, "Физикова");
        api.put("/api/v1/schools/" + schoolA + "/staff/M-1", staff("TEACHER"), adminA);
        api.put("/api/v1/schools/" + schoolA + "/staff/D-9", staff("SCHOOL_ADMINISTRATOR"), adminA);
        seventhB = api.openClass(schoolA, 7, "Б");
        seventhA = api.openClass(schoolA, 7, "А");
        api.openClass(schoolA, 9, "М");
        api.put("/api/v1/students/by-number/" + s1Number, student("Иванова", "Анна"), JournalApi.REGISTRAR);
        s2 = api.student("Петров", "Пётр");
        s3 = api.student("Сидоров", "Семён");
        for (String student : List.of(s1, s2, s3)) {
            api.enrol(seventhB, student, "2026-09-01");
        }
        api.post("/api/v1/classes/" + seventhB + "/enrolments/" + s3 + "/end",
                "{\"to\":\"2026-10-01\",\"reason\":\"LEFT_SCHOOL\"}", adminA);
        api.assign(seventhB, math, t1, "2026-09-01");
        api.assign(seventhA, math, t2, "2026-09-01");
        api.assign(seventhB, physics, t3, "2026-09-01");
        api.post("/api/v1/classes/" + seventhB + "/assignments/end", endPhysics(), adminA);
        api.put("/api/v1/classes/" + seventhB + "/timetable", timetable(), adminA);
        api.post("/api/v1/classes/" + seventhB + "/timetable/changes", timetableChange(), adminA);
        api.put("/api/v1/schools/" + schoolA + "/years/2027-2028", nextYear(), adminA);
        api.post("/api/v1/schools/" + schoolA + "/years/2027-2028/close", null, adminA);
        api.put("/api/v1/scales/matrix-scale", scale(), JournalApi.OPERATOR);
        Token teacher = api.teacherToken(t1);
        lesson = api.ok(api.submitLesson(key(), lessonBody("2026-11-23", 1), teacher)).get("id").asString();
        lessonToWithdraw = api.ok(api.submitLesson(key(), lessonBody("2026-11-23", 2), teacher)).get("id")
                .asString();
        lessonToCancel = api.ok(api.submitLesson(key(), lessonBody("2026-11-24", 1), teacher)).get("id")
                .asString();
        quarter1 = SchoolCalendar.yearId(schoolA, "2026/2027") + "-quarter1";
        api.put(periodResultsPath(), periodResults(), teacher);

        classB = api.openClass(schoolB, 7, "Б");
        teacherB = api.teacher(schoolB, "Чужая");
        studentB = api.student("Чужой", "Ученик");
        api.enrol(classB, studentB, "2026-09-01");
        api.assign(classB, math, teacherB, "2026-09-01");
        lessonB = api.ok(api.submitLesson(key(), """
                {"classId":"%s","subjectId":"%s","teacherId":"%s","date":"2026-11-23","lessonNumber":1,
                 "grades":[{"studentId":"%s","value":"3"}]}""".formatted(classB, math, teacherB, studentB),
                api.teacherToken(teacherB))).get("id").asString();
    }

    Token token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case GUARDIAN -> TestTokens.guardian("guardian-" + run, s1);
            case STUDENT -> TestTokens.student(s1);
            case TEACHER_OF_THE_CLASS -> api.teacherToken(t1);
            case TEACHER_OF_ANOTHER_CLASS -> api.teacherToken(t2);
            case ADMINISTRATOR_OF_THE_SCHOOL -> JournalApi.admin(schoolA);
            case ADMINISTRATOR_OF_ANOTHER_SCHOOL -> JournalApi.admin(schoolB);
            case MUNICIPAL_OPERATOR_OF_THE_TERRITORY -> TestTokens.municipalOperator("mun-a-" + run, municipalityA);
            case MUNICIPAL_OPERATOR_ELSEWHERE -> TestTokens.municipalOperator("mun-b-" + run, municipalityB);
            case REGIONAL_OPERATOR -> TestTokens.regionalOperator("region-66-" + run, "66");
            case REGIONAL_OPERATOR_OF_ANOTHER_REGION -> TestTokens.regionalOperator("region-74-" + run, "74");
        };
    }

    static String key() {
        return "key-" + EventIds.next();
    }

    static String staff(String role) {
        return """
                {"lastName":"Матрицева","firstName":"Мария","email":"m@example.ru","roles":["%s"]}""".formatted(role);
    }

    static String student(String lastName, String firstName) {
        return """
                {"lastName":"%s","firstName":"%s","birthDate":"2013-04-17"}""".formatted(lastName, firstName);
    }

    String enrolment() {
        return "{\"studentId\":\"" + s1 + "\",\"from\":\"2026-09-01\"}";
    }

    static String enrolmentEnd() {
        return "{\"to\":\"2026-10-01\",\"reason\":\"LEFT_SCHOOL\"}";
    }

    String assignment() {
        return """
                {"subjectId":"%s","teacherId":"%s","from":"2026-09-01"}""".formatted(math, t1);
    }

    String endPhysics() {
        return """
                {"subjectId":"%s","teacherId":"%s","to":"2026-10-01"}""".formatted(physics, t3);
    }

    String timetable() {
        return """
                {"slots":[{"weekday":1,"lessonNumber":1,"startTime":"08:30","endTime":"09:10","subjectId":"%s",
                 "teacherId":"%s","room":"21","validFrom":"2026-09-01"}]}""".formatted(math, t1);
    }

    String timetableChange() {
        return """
                {"date":"2026-11-24","lessonNumber":3,"kind":"ADDED","subjectId":"%s","teacherId":"%s",
                 "startTime":"10:20","endTime":"11:00"}""".formatted(math, t1);
    }

    static String year() {
        return """
                {"start":"2026-09-01","end":"2027-05-31","scheme":"QUARTERS",
                 "periods":[{"start":"2026-09-01","end":"2026-10-23"},{"start":"2026-11-02","end":"2026-12-26"},
                            {"start":"2027-01-11","end":"2027-03-19"},{"start":"2027-03-29","end":"2027-05-31"}],
                 "holidays":[{"from":"2026-10-24","to":"2026-11-01","name":"Осенние каникулы"},
                             {"from":"2026-12-27","to":"2027-01-10","name":"Зимние каникулы"}]}""";
    }

    static String nextYear() {
        return """
                {"start":"2027-09-01","end":"2028-05-31","scheme":"HALF_YEARS",
                 "periods":[{"start":"2027-09-01","end":"2027-12-28"},{"start":"2028-01-10","end":"2028-05-31"}],
                 "holidays":[]}""";
    }

    static String scale() {
        return """
                {"name":"Матричная","values":[{"code":"да","passing":true},{"code":"нет","passing":false}]}""";
    }

    /** Lesson {@code number} of the date by t1 in 7Б: s1 gets a 5 for an oral answer, s2 a 4, s3 is not there. */
    String lessonBody(String date, int number) {
        return """
                {"classId":"%s","subjectId":"%s","teacherId":"%s","date":"%s","lessonNumber":%d,
                 "topic":"Дроби","grades":[{"studentId":"%s","value":"5","kind":"ORAL_ANSWER"},
                 {"studentId":"%s","value":"4","kind":"ORAL_ANSWER"}]}"""
                .formatted(seventhB, math, t1, date, number, s1, s2);
    }

    String periodResultsPath() {
        return "/api/v1/classes/" + seventhB + "/subjects/" + math + "/periods/" + quarter1 + "/results";
    }

    String periodResults() {
        return """
                {"results":[{"studentId":"%s","value":"5"},{"studentId":"%s","value":"4"}]}""".formatted(s1, s2);
    }
}
