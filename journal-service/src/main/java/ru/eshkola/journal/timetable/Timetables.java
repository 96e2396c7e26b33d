package ru.eshkola.journal.timetable;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Timetables extends MongoRepository<Timetable, String> {
}
