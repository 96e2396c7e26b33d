package ru.eshkola.journal.schoolyears;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SchoolYears extends MongoRepository<SchoolYear, String> {

    List<SchoolYear> findBySchoolId(String schoolId);
}
