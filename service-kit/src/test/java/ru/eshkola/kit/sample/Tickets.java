package ru.eshkola.kit.sample;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Tickets extends MongoRepository<Ticket, String> {
}
