package ru.eshkola.diary.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.diary.projection.*}.
 *
 * @param changesKept        the most changes a live stream catches up on when it resumes ({@code Last-Event-ID}); a
 *                           client further behind is told to reload the view
 * @param changesRetention   how long a change is kept for resuming streams (a TTL index on MongoDB)
 * @param writeAttempts      attempts of a batch's guarded writes when another writer changed the same documents
 * @param generationRefresh  how often an instance re-reads which projection generation is current (a rebuild on
 *                           another instance switches it)
 * @param referenceCacheTtl  how long names, timetables and enrolments are held in memory for reads
 */
@ConfigurationProperties("eshkola.diary.projection")
public record ProjectionSettings(@DefaultValue("100") int changesKept, @DefaultValue("3d") Duration changesRetention,
        @DefaultValue("5") int writeAttempts,
        @DefaultValue("1s") Duration generationRefresh, @DefaultValue("10s") Duration referenceCacheTtl) {
}
