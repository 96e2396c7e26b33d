package ru.eshkola.journal.staff;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Staff extends MongoRepository<StaffMember, String> {

    Page<StaffMember> findBySchoolId(String schoolId, Pageable page);
}
