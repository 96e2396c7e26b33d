package ru.eshkola.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Replaces Boot's MongoDB health indicator under the same name, see {@link MongoHealthIndicator}. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnBean(MongoDatabaseFactory.class)
public class MongoHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoHealthIndicator mongoHealthIndicator(MongoDatabaseFactory databases) {
        return new MongoHealthIndicator(databases);
    }
}
