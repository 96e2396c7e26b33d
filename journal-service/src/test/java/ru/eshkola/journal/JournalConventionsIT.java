package ru.eshkola.journal;

import ru.eshkola.kit.testing.ServiceConventions;


@JournalIntegrationTest
class JournalConventionsIT extends ServiceConventions {
}
