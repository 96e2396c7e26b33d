package ru.eshkola.applications.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Accounts extends MongoRepository<Account, String> {

    Optional<Account> findByLogin(String login);

    Optional<Account> findByActivationTokenHash(String tokenHash);

    List<Account> findByAccessApplicationId(String applicationId);

    List<Account> findByStaffStaffId(String staffId);
}
