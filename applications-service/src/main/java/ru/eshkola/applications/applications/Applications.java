package ru.eshkola.applications.applications;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Applications extends MongoRepository<Application, String> {

    List<Application> findByStateAndStudentsStudentId(Application.State state, String studentId);

    List<Application> findByStateAndDecisionConsentIds(Application.State state, String consentId);
}
