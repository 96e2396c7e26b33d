package ru.eshkola.applications;

import ru.eshkola.kit.testing.ServiceConventions;

@ApplicationsIT
class ApplicationsConventionsIT extends ServiceConventions {
}
