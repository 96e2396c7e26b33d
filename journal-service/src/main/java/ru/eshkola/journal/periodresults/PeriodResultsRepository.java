package ru.eshkola.journal.periodresults;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PeriodResultsRepository extends MongoRepository<PeriodResults, String> {
}
