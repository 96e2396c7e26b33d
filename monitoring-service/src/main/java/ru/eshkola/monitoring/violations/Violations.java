package ru.eshkola.monitoring.violations;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Violations extends MongoRepository<Violation, String> {
}
