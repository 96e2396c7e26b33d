package ru.eshkola.journal.classes;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Classes extends MongoRepository<SchoolClass, String> {

    List<SchoolClass> findBySchoolIdAndSchoolYear(String schoolId, String schoolYear);

    List<SchoolClass> findByEnrolmentsStudentId(String studentId);
}
