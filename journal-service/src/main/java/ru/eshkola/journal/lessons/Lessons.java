package ru.eshkola.journal.lessons;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface Lessons extends MongoRepository<Lesson, String> {

    Optional<Lesson> findBySlotKey(String slotKey);

    @Query("{ 'classId': ?0, 'subjectId': ?1, 'date': { $gte: ?2, $lte: ?3 } }")
    List<Lesson> findForJournal(String classId, String subjectId, LocalDate from, LocalDate to);

    @Query("{ 'classId': ?0, 'date': { $gte: ?1, $lte: ?2 } }")
    Page<Lesson> findOfClass(String classId, LocalDate from, LocalDate to, Pageable page);
}
