package ru.eshkola.applications.consents;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Consents extends MongoRepository<Consent, String> {

    List<Consent> findBySchoolIdAndStudentId(String schoolId, String studentId);
}
