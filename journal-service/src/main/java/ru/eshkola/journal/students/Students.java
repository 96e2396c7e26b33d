package ru.eshkola.journal.students;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Students extends MongoRepository<Student, String> {
}
