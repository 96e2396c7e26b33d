package ru.eshkola.applications.complaints;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Complaints extends MongoRepository<Complaint, String> {
}
