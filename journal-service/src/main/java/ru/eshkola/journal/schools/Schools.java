package ru.eshkola.journal.schools;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Schools extends MongoRepository<School, String> {

    Optional<School> findByCode(String code);

    Page<School> findByMunicipalityId(String municipalityId, Pageable page);
}
