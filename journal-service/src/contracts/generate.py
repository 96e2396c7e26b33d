#!/usr/bin/env python3
"""Writes the journal's event contracts: one JSON Schema and one example per event type, and the AsyncAPI document.

The schemas are the contract (consumers test against them); this script only keeps ~25 of them consistent.
Run it after editing the spec below, then commit what it wrote:
    python3 journal-service/src/contracts/generate.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "service-kit", "src", "contracts"))
from contracts import *  # noqa: E402,F403  the shared building blocks and writer

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'contracts')


PERIOD = obj({
    "periodId": field(ID), "kind": field(TEXT, "QUARTER, TRIMESTER, HALF_YEAR or YEAR"),
    "number": field(INT, "1-based within the kind; the YEAR period is number 1", minimum=1),
    "start": DATE, "end": DATE}, ["periodId", "kind", "number", "start", "end"])
HOLIDAY = obj({"from": DATE, "to": DATE, "name": TEXT}, ["from", "to"])
SLOT = obj({
    "weekday": field(INT, "1 = Monday … 7 = Sunday", minimum=1, maximum=7),
    "lessonNumber": field(INT, minimum=0, maximum=12), "startTime": HHMM, "endTime": HHMM,
    "subjectId": ID, "teacherId": ID, "room": TEXT, "group": field(TEXT, "Subgroup of the class, when it is split"),
    "validFrom": DATE, "validTo": DATE},
    ["weekday", "lessonNumber", "startTime", "endTime", "subjectId", "teacherId", "validFrom"])
CHANGE = obj({
    "date": DATE, "lessonNumber": field(INT, minimum=0, maximum=12),
    "kind": field(TEXT, "REPLACED (another subject, teacher or room), CANCELLED or ADDED"),
    "subjectId": ID, "teacherId": ID, "room": TEXT, "startTime": HHMM, "endTime": HHMM, "group": TEXT,
    "note": TEXT}, ["date", "lessonNumber", "kind"])
HOMEWORK = obj({"text": field(TEXT, maxLength=4000), "dueDate": DATE, "enteredAt": TIME}, ["text", "dueDate", "enteredAt"])

LESSON_FIELDS = {
    "lessonId": ID, "classId": ID, "schoolId": ID, "subjectId": ID,
    "teacherId": field(ID, "The teacher assigned to the class and subject"),
    "substituteTeacherId": field(ID, "Who taught instead, when a substitute did"),
    "date": DATE, "lessonNumber": field(INT, "Slot of the day; absent for an assessment without a lesson", minimum=0, maximum=12),
    "group": TEXT,
    "kind": field(TEXT, "LESSON, or ASSESSMENT for a dated assessment without a lesson"),
    "topic": field(TEXT, maxLength=1000), "topicEnteredAt": field(TIME, "When the topic was first entered (the lesson record is due on the day)"),
    "homework": HOMEWORK,
    "status": field(TEXT, "CONDUCTED or CANCELLED"),
    "version": VERSION, "enteredAt": field(TIME, "When the lesson was first entered"),
    "changedAt": TIME, "changedBy": ID}
LESSON_REQ = ["lessonId", "classId", "schoolId", "subjectId", "teacherId", "date", "kind", "status", "version", "enteredAt", "changedAt", "changedBy"]

GRADE_FIELDS = {
    "gradeId": ID, "studentId": ID, "lessonId": ID, "lessonDate": DATE, "classId": ID, "schoolId": ID, "subjectId": ID,
    "value": field(TEXT, "A code of the scale, e.g. \"5\" or \"зачёт\""),
    "numericValue": field(NUM, "The value as a number for averages; absent on scales without numbers (pass/fail)"),
    "scale": field(ID, "Id of the grade scale, e.g. five-point, pass-fail"),
    "weight": field(NUM, "Weight in the weighted average", exclusiveMinimum=0, maximum=10),
    "kind": field(TEXT, "ORAL_ANSWER, WRITTEN_WORK, TEST, HOMEWORK, PRACTICAL_WORK, DICTATION, ESSAY, OTHER"),
    "comment": field(TEXT, maxLength=1000),
    "enteredAt": field(TIME, "When the grade was first entered (the 5-day deadline is judged on it)"),
    "enteredBy": ID, "version": VERSION}
GRADE_REQ = ["gradeId", "studentId", "lessonId", "lessonDate", "classId", "schoolId", "subjectId", "value", "scale", "weight", "kind", "enteredAt", "enteredBy", "version"]
CORRECTION = {"previousValue": TEXT, "previousNumericValue": NUM, "previousWeight": NUM,
              "reason": field(TEXT, "Why it was corrected", maxLength=500), "correctedAt": TIME, "correctedBy": ID}

ABSENCE_FIELDS = {
    "absenceId": ID, "studentId": ID, "lessonId": ID, "lessonDate": DATE, "lessonNumber": field(INT, minimum=0, maximum=12),
    "classId": ID, "schoolId": ID, "subjectId": ID,
    "reason": field(TEXT, "ILLNESS (Б), VALID (У) or UNEXCUSED (Н)"),
    "reasonCode": field(TEXT, "Б, У or Н as in the paper journal"),
    "enteredAt": field(TIME, "When the absence was first entered (due on the day of the lesson)"),
    "enteredBy": ID, "version": VERSION}
ABSENCE_REQ = ["absenceId", "studentId", "lessonId", "lessonDate", "classId", "schoolId", "subjectId", "reason", "reasonCode", "enteredAt", "enteredBy", "version"]

RESULT_FIELDS = {
    "resultId": ID, "studentId": ID, "classId": ID, "schoolId": ID, "subjectId": ID,
    "schoolYear": field(TEXT, "e.g. 2026/2027"), "periodId": ID, "periodKind": TEXT, "periodNumber": INT, "periodEnd": DATE,
    "value": TEXT, "numericValue": NUM, "scale": ID,
    "enteredAt": field(TIME, "When the result was first entered (due 2 days after the period ends)"),
    "enteredBy": ID, "version": VERSION}
RESULT_REQ = ["resultId", "studentId", "classId", "schoolId", "subjectId", "schoolYear", "periodId", "periodKind", "periodEnd", "value", "scale", "enteredAt", "enteredBy", "version"]

PERSON = {"lastName": TEXT, "firstName": TEXT, "middleName": TEXT}

TOPICS = {
    "journal.schools": ("schoolId", "Schools and their school years (periods, holidays). Key = schoolId."),
    "journal.subjects": ("subjectId", "The region's subjects. Key = subjectId."),
    "journal.staff": ("staffId", "Teachers and school administrators. Key = staffId. Carries names and e-mail: applications issues staff accounts and notification mails staff."),
    "journal.students": ("studentId", "Students. Key = studentId. Carries names and birth date: the diary shows names, applications checks the age of a student applicant (14+)."),
    "journal.classes": ("classId", "Classes, enrolments of students and teaching assignments. Key = classId."),
    "journal.timetables": ("classId", "Timetables, each event the whole current timetable of a class. Key = classId."),
    "journal.lessons": ("classId", "Lessons: topic, homework, status. Key = classId."),
    "journal.grades": ("studentId", "Grades. Key = studentId, so one student's grades stay in order."),
    "journal.absences": ("studentId", "Absences. Key = studentId."),
    "journal.period-results": ("studentId", "Quarter, trimester, half-year and year marks. Key = studentId."),
}

C = Contracts("journal-service", TOPICS)
SCHOOL = "019ab3f2-6c4e-7a10-9c3d-5e2f4a6b7c80"
YEAR = "6a1d0f6e-2b7c-3a55-9d0e-7c1f2b3a4d5e"
CLASS = "3f2a9c1e-7b4d-3e8f-a1b2-c3d4e5f60718"
STUDENT = "8e7d6c5b-4a39-3281-b0c1-d2e3f4a5b6c7"
TEACHER = "1a2b3c4d-5e6f-3a7b-8c9d-0e1f2a3b4c5d"
SUBJECT = "5b6c7d8e-9f0a-3b1c-2d3e-4f5a6b7c8d9e"
LESSON = "019ab404-1111-7a10-9c3d-5e2f4a6b7c80"
NOW = "2026-11-24T05:10:00Z"

C.event("journal.school.registered.v1", "journal.schools", "A school (ОУ) joined the region's journal. School names are public, not personal data.",
   {"schoolId": field(ID, "Stable id of the school in the journal"), "code": field(TEXT, "The region's code of the school, unique"),
    "name": field(TEXT, "Full name, e.g. МБОУ СОШ № 1"), "shortName": TEXT, "municipalityId": ID, "municipalityName": TEXT,
    "timeZone": field(TEXT, "IANA time zone; deadlines are computed in it", examples=["Asia/Yekaterinburg"]),
    "platform": field(TEXT, "The electronic journal platform the school uses (a monitoring indicator)"), "registeredAt": TIME},
   ["schoolId", "code", "name", "shortName", "municipalityId", "municipalityName", "timeZone", "platform", "registeredAt"],
   {"schoolId": SCHOOL, "code": "ntgo-sosh-1",
    "name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
    "shortName": "МБОУ СОШ 1", "municipalityId": "ntgo", "municipalityName": "Нижнетуринский городской округ",
    "timeZone": "Asia/Yekaterinburg", "platform": "eshkola", "registeredAt": "2026-09-01T03:00:00Z"})

YEAR_PROPS = {"schoolYearId": ID, "schoolId": ID, "label": field(TEXT, "e.g. 2026/2027"), "start": DATE, "end": DATE,
              "scheme": field(TEXT, "QUARTERS, TRIMESTERS or HALF_YEARS"),
              "periods": {"type": "array", "items": PERIOD, "description": "The periods of the scheme, then the YEAR period"},
              "holidays": {"type": "array", "items": HOLIDAY, "description": "School holidays (каникулы) and other days without lessons"},
              "closed": {"type": "boolean"}, "version": VERSION, "changedAt": TIME, "changedBy": ID}
YEAR_EX = {"schoolYearId": YEAR, "schoolId": SCHOOL, "label": "2026/2027", "start": "2026-09-01", "end": "2027-05-31", "scheme": "QUARTERS",
           "periods": [{"periodId": YEAR + "-q1", "kind": "QUARTER", "number": 1, "start": "2026-09-01", "end": "2026-10-23"},
                       {"periodId": YEAR + "-q2", "kind": "QUARTER", "number": 2, "start": "2026-11-02", "end": "2026-12-26"},
                       {"periodId": YEAR + "-q3", "kind": "QUARTER", "number": 3, "start": "2027-01-11", "end": "2027-03-19"},
                       {"periodId": YEAR + "-q4", "kind": "QUARTER", "number": 4, "start": "2027-03-29", "end": "2027-05-31"},
                       {"periodId": YEAR + "-year", "kind": "YEAR", "number": 1, "start": "2026-09-01", "end": "2027-05-31"}],
           "holidays": [{"from": "2026-10-24", "to": "2026-11-01", "name": "Осенние каникулы"}],
           "closed": False, "version": 1, "changedAt": "2026-08-30T06:00:00Z", "changedBy": "admin-1"}
C.event("journal.school-year.configured.v1", "journal.schools", "A school year's periods and holidays were set or changed (the whole year each time).",
   YEAR_PROPS, ["schoolYearId", "schoolId", "label", "start", "end", "scheme", "periods", "holidays", "closed", "version", "changedAt", "changedBy"], YEAR_EX)
C.event("journal.school-year.closed.v1", "journal.schools", "A school year was closed: later period-result corrections need a reason.",
   YEAR_PROPS, ["schoolYearId", "schoolId", "label", "start", "end", "scheme", "periods", "holidays", "closed", "version", "changedAt", "changedBy"],
   dict(YEAR_EX, closed=True, version=2, changedAt="2027-06-30T06:00:00Z"))

SUBJ_PROPS = {"subjectId": ID, "code": TEXT, "name": TEXT, "shortName": TEXT, "version": VERSION, "changedAt": TIME}
C.event("journal.subject.defined.v1", "journal.subjects", "A subject of the region's catalogue was defined or renamed.",
   SUBJ_PROPS, ["subjectId", "code", "name", "shortName", "version", "changedAt"],
   {"subjectId": SUBJECT, "code": "math", "name": "Математика", "shortName": "Матем.", "version": 1, "changedAt": "2026-08-20T06:00:00Z"})

STAFF_PROPS = merge({"staffId": ID, "schoolId": ID, "externalId": field(TEXT, "The school's own number for the person")}, PERSON,
                    {"email": field(TEXT, "Work e-mail for the account and notices", format="email"),
                     "roles": {"type": "array", "items": field(TEXT, "TEACHER or SCHOOL_ADMINISTRATOR"), "minItems": 1},
                     "active": {"type": "boolean", "description": "False once the person left the school"},
                     "version": VERSION, "changedAt": TIME})
STAFF_REQ = ["staffId", "schoolId", "externalId", "lastName", "firstName", "roles", "active", "version", "changedAt"]
STAFF_EX = {"staffId": TEACHER, "schoolId": SCHOOL, "externalId": "T-014", "lastName": "Смирнова", "firstName": "Ольга",
            "middleName": "Петровна", "email": "o.smirnova@sosh1.example.ru", "roles": ["TEACHER"], "active": True,
            "version": 1, "changedAt": "2026-08-25T06:00:00Z"}
C.event("journal.staff.registered.v1", "journal.staff", "A teacher or school administrator was added to a school's staff.", STAFF_PROPS, STAFF_REQ, STAFF_EX)
C.event("journal.staff.updated.v1", "journal.staff", "A staff member's data changed (the whole record; active=false when they left).", STAFF_PROPS, STAFF_REQ,
   dict(STAFF_EX, roles=["TEACHER", "SCHOOL_ADMINISTRATOR"], version=2))

STUDENT_PROPS = merge({"studentId": ID, "externalId": field(TEXT, "The region's number of the student's personal file")}, PERSON,
                      {"birthDate": DATE, "version": VERSION, "changedAt": TIME})
STUDENT_REQ = ["studentId", "externalId", "lastName", "firstName", "birthDate", "version", "changedAt"]
STUDENT_EX = {"studentId": STUDENT, "externalId": "66-NT-2016-0457", "lastName": "Иванова", "firstName": "Анна",
              "middleName": "Сергеевна", "birthDate": "2013-04-17", "version": 1, "changedAt": "2026-08-25T06:00:00Z"}
C.event("journal.student.registered.v1", "journal.students", "A student was registered in the region's journal.", STUDENT_PROPS, STUDENT_REQ, STUDENT_EX)
C.event("journal.student.updated.v1", "journal.students", "A student's data changed (the whole record).", STUDENT_PROPS, STUDENT_REQ, dict(STUDENT_EX, lastName="Петрова", version=2))

CLASS_PROPS = {"classId": ID, "schoolId": ID, "schoolYear": TEXT, "gradeLevel": field(INT, minimum=1, maximum=11),
               "letter": TEXT, "name": field(TEXT, "e.g. 7Б"), "classTeacherId": ID, "version": VERSION, "changedAt": TIME, "changedBy": ID}
CLASS_REQ = ["classId", "schoolId", "schoolYear", "gradeLevel", "letter", "name", "version", "changedAt", "changedBy"]
CLASS_EX = {"classId": CLASS, "schoolId": SCHOOL, "schoolYear": "2026/2027", "gradeLevel": 7, "letter": "Б", "name": "7Б",
            "classTeacherId": TEACHER, "version": 1, "changedAt": "2026-08-28T06:00:00Z", "changedBy": "admin-1"}
C.event("journal.class.opened.v1", "journal.classes", "A class was opened for a school year.", CLASS_PROPS, CLASS_REQ, CLASS_EX)
C.event("journal.class.updated.v1", "journal.classes", "A class's data changed, e.g. its class teacher (the whole record).", CLASS_PROPS, CLASS_REQ, dict(CLASS_EX, version=2))

ENR_PROPS = {"enrolmentId": ID, "classId": ID, "schoolId": ID, "schoolYear": TEXT, "studentId": ID, "from": DATE, "to": DATE,
             "endReason": field(TEXT, "MOVED_WITHIN_SCHOOL, LEFT_SCHOOL, GRADUATED or ENTERED_IN_ERROR"),
             "version": VERSION, "changedAt": TIME, "changedBy": ID}
ENR_EX = {"enrolmentId": CLASS + ":" + STUDENT + ":2026-09-01", "classId": CLASS, "schoolId": SCHOOL, "schoolYear": "2026/2027",
          "studentId": STUDENT, "from": "2026-09-01", "version": 1, "changedAt": "2026-08-28T06:00:00Z", "changedBy": "admin-1"}
C.event("journal.enrolment.started.v1", "journal.classes", "A student joined a class from a date.", ENR_PROPS,
   ["enrolmentId", "classId", "schoolId", "schoolYear", "studentId", "from", "version", "changedAt", "changedBy"], ENR_EX)
C.event("journal.enrolment.ended.v1", "journal.classes", "A student left a class after a date; endReason says whether they left the school.", ENR_PROPS,
   ["enrolmentId", "classId", "schoolId", "schoolYear", "studentId", "from", "to", "endReason", "version", "changedAt", "changedBy"],
   dict(ENR_EX, to="2026-12-26", endReason="LEFT_SCHOOL", version=2, changedAt="2026-12-26T06:00:00Z"))

ASG_PROPS = {"assignmentId": ID, "classId": ID, "schoolId": ID, "schoolYear": TEXT, "subjectId": ID, "teacherId": ID, "group": TEXT,
             "from": DATE, "to": DATE, "version": VERSION, "changedAt": TIME, "changedBy": ID}
ASG_EX = {"assignmentId": CLASS + ":" + SUBJECT + ":" + TEACHER + ":2026-09-01", "classId": CLASS, "schoolId": SCHOOL, "schoolYear": "2026/2027",
          "subjectId": SUBJECT, "teacherId": TEACHER, "from": "2026-09-01", "version": 1, "changedAt": "2026-08-28T06:00:00Z", "changedBy": "admin-1"}
C.event("journal.assignment.started.v1", "journal.classes", "A teacher was assigned to teach a subject in a class from a date.", ASG_PROPS,
   ["assignmentId", "classId", "schoolId", "schoolYear", "subjectId", "teacherId", "from", "version", "changedAt", "changedBy"], ASG_EX)
C.event("journal.assignment.ended.v1", "journal.classes", "A teaching assignment ended after a date.", ASG_PROPS,
   ["assignmentId", "classId", "schoolId", "schoolYear", "subjectId", "teacherId", "from", "to", "version", "changedAt", "changedBy"],
   dict(ASG_EX, to="2026-12-26", version=2))

C.event("journal.timetable.changed.v1", "journal.timetables", "A class's timetable changed: the whole current timetable, weekly slots and one-off changes.",
   {"classId": ID, "schoolId": ID, "schoolYear": TEXT, "slots": {"type": "array", "items": SLOT}, "changes": {"type": "array", "items": CHANGE},
    "version": VERSION, "changedAt": TIME, "changedBy": ID},
   ["classId", "schoolId", "schoolYear", "slots", "changes", "version", "changedAt", "changedBy"],
   {"classId": CLASS, "schoolId": SCHOOL, "schoolYear": "2026/2027",
    "slots": [{"weekday": 1, "lessonNumber": 1, "startTime": "08:30", "endTime": "09:10", "subjectId": SUBJECT, "teacherId": TEACHER, "room": "21", "validFrom": "2026-09-01"}],
    "changes": [{"date": "2026-11-23", "lessonNumber": 1, "kind": "CANCELLED", "note": "Карантин"}],
    "version": 3, "changedAt": "2026-11-20T06:00:00Z", "changedBy": "admin-1"})

LESSON_EX = {"lessonId": LESSON, "classId": CLASS, "schoolId": SCHOOL, "subjectId": SUBJECT, "teacherId": TEACHER,
             "date": "2026-11-24", "lessonNumber": 2, "kind": "LESSON", "topic": "Решение линейных уравнений", "topicEnteredAt": NOW,
             "homework": {"text": "№ 245, 247", "dueDate": "2026-11-26", "enteredAt": NOW},
             "status": "CONDUCTED", "version": 1, "enteredAt": NOW, "changedAt": NOW, "changedBy": TEACHER}
C.event("journal.lesson.recorded.v1", "journal.lessons", "A lesson (or an assessment without a lesson) was entered: topic, homework.", merge(LESSON_FIELDS, {"reason": TEXT}), LESSON_REQ, LESSON_EX)
C.event("journal.lesson.corrected.v1", "journal.lessons", "A lesson's record changed (the whole record; reason when given).", merge(LESSON_FIELDS, {"reason": TEXT}), LESSON_REQ,
   dict(LESSON_EX, topic="Линейные уравнения", version=2, changedAt="2026-11-24T09:00:00Z", reason="Опечатка"))
C.event("journal.lesson.cancelled.v1", "journal.lessons", "A lesson was marked as not held; its grades and absences were withdrawn with it.", merge(LESSON_FIELDS, {"reason": TEXT}), LESSON_REQ,
   dict(LESSON_EX, status="CANCELLED", version=3, changedAt="2026-11-24T10:00:00Z", reason="Урок не проводился"))

GRADE_EX = {"gradeId": LESSON + ":" + STUDENT + ":1", "studentId": STUDENT, "lessonId": LESSON, "lessonDate": "2026-11-24",
            "classId": CLASS, "schoolId": SCHOOL, "subjectId": SUBJECT, "value": "5", "numericValue": 5, "scale": "five-point",
            "weight": 1, "kind": "ORAL_ANSWER", "enteredAt": NOW, "enteredBy": TEACHER, "version": 1}
C.event("journal.grade.recorded.v1", "journal.grades", "A grade was entered.", GRADE_FIELDS, GRADE_REQ, GRADE_EX)
C.event("journal.grade.corrected.v1", "journal.grades", "A grade was changed; the previous value is included. enteredAt stays that of the first entry.",
   merge(GRADE_FIELDS, CORRECTION), GRADE_REQ + ["previousValue", "correctedAt", "correctedBy"],
   dict(GRADE_EX, value="4", numericValue=4, previousValue="5", previousNumericValue=5, previousWeight=1, reason="Ошибка ввода",
        correctedAt="2026-11-24T09:30:00Z", correctedBy=TEACHER, version=2))
C.event("journal.grade.withdrawn.v1", "journal.grades", "A grade was withdrawn (a correction to none): it no longer counts. The record stays in the history.",
   merge({k: v for k, v in GRADE_FIELDS.items() if k not in ("value", "numericValue")}, CORRECTION),
   [r for r in GRADE_REQ if r != "value"] + ["previousValue", "correctedAt", "correctedBy"],
   {k: v for k, v in dict(GRADE_EX, previousValue="5", previousNumericValue=5, previousWeight=1, reason="Поставлена по ошибке",
        correctedAt="2026-11-24T09:30:00Z", correctedBy=TEACHER, version=2).items() if k not in ("value", "numericValue")})

ABS_EX = {"absenceId": LESSON + ":" + STUDENT, "studentId": STUDENT, "lessonId": LESSON, "lessonDate": "2026-11-24", "lessonNumber": 2,
          "classId": CLASS, "schoolId": SCHOOL, "subjectId": SUBJECT, "reason": "ILLNESS", "reasonCode": "Б",
          "enteredAt": NOW, "enteredBy": TEACHER, "version": 1}
ABS_CORR = {"previousReason": TEXT, "previousReasonCode": TEXT, "correctionReason": field(TEXT, maxLength=500), "correctedAt": TIME, "correctedBy": ID}
C.event("journal.absence.recorded.v1", "journal.absences", "An absence from a lesson was entered.", ABSENCE_FIELDS, ABSENCE_REQ, ABS_EX)
C.event("journal.absence.corrected.v1", "journal.absences", "An absence's reason was changed.", merge(ABSENCE_FIELDS, ABS_CORR),
   ABSENCE_REQ + ["previousReason", "correctedAt", "correctedBy"],
   dict(ABS_EX, reason="VALID", reasonCode="У", previousReason="ILLNESS", previousReasonCode="Б", correctedAt="2026-11-25T05:00:00Z", correctedBy=TEACHER, version=2))
C.event("journal.absence.withdrawn.v1", "journal.absences", "An absence was withdrawn (the student was present after all).", merge(ABSENCE_FIELDS, ABS_CORR),
   ABSENCE_REQ + ["previousReason", "correctedAt", "correctedBy"],
   dict(ABS_EX, previousReason="ILLNESS", previousReasonCode="Б", correctionReason="Опоздал, присутствовал", correctedAt="2026-11-24T09:00:00Z", correctedBy=TEACHER, version=2))

RES_EX = {"resultId": YEAR + "-q1:" + SUBJECT + ":" + STUDENT, "studentId": STUDENT, "classId": CLASS, "schoolId": SCHOOL, "subjectId": SUBJECT,
          "schoolYear": "2026/2027", "periodId": YEAR + "-q1", "periodKind": "QUARTER", "periodNumber": 1, "periodEnd": "2026-10-23",
          "value": "4", "numericValue": 4, "scale": "five-point", "enteredAt": "2026-10-24T08:00:00Z", "enteredBy": TEACHER, "version": 1}
C.event("journal.period-result.recorded.v1", "journal.period-results", "A period (quarter, trimester, half-year) or year mark was entered.", RESULT_FIELDS, RESULT_REQ, RES_EX)
C.event("journal.period-result.corrected.v1", "journal.period-results", "A period or year mark was changed; after the year is closed only with a reason.",
   merge(RESULT_FIELDS, CORRECTION), RESULT_REQ + ["previousValue", "correctedAt", "correctedBy"],
   dict(RES_EX, value="5", numericValue=5, previousValue="4", previousNumericValue=4, reason="Пересдача", correctedAt="2026-10-30T08:00:00Z", correctedBy=TEACHER, version=2))

DESCRIPTION = ['Events of the electronic class journal (ЭЖ), published through a transactional outbox with an idempotent,',
    'acks=all producer. At-least-once: a re-published event keeps its ce_id, so consumers deduplicate on it.',
    '',
    'Ordering and staleness: records of one key (see each channel) keep their order. Entries that can change',
    '(grades, absences, period results, lessons, roster records) carry a version; a consumer keeps the highest',
    'version it saw and drops older ones, which also makes replays and redeliveries harmless.',
    '',
    'Personal data: ids only, except journal.students and journal.staff, which carry names (and staff e-mail),',
    'because the diary shows names, applications issues accounts and notification mails staff.']

if __name__ == "__main__":
    C.write(OUT, "0.2.0", DESCRIPTION)
