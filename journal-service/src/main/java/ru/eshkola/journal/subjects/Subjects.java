package ru.eshkola.journal.subjects;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Subjects extends MongoRepository<Subject, String> {
}
