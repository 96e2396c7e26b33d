package ru.eshkola.applications.registers;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** Lists and exports of a register: one filter query, paged for the API, walked in batches for CSV. */
public final class Paging {

    private static final int EXPORT_BATCH = 500;

    private Paging() {
    }

    public static <T> Page<T> page(MongoTemplate mongo, Query filter, Pageable page, Class<T> type) {
        long total = mongo.count(filter, type);
        List<T> items = mongo.find(Query.of(filter).with(page), type);
        return PageableExecutionUtils.getPage(items, page, () -> total);
    }

    /** Every entry matching the filter, in batches, so an export of a large register never sits in memory whole. */
    public static <T> void each(MongoTemplate mongo, Query filter, Sort sort, Class<T> type, Consumer<T> action) {
        for (int page = 0; ; page++) {
            List<T> batch = mongo.find(Query.of(filter).with(PageRequest.of(page, EXPORT_BATCH, sort)), type);
            batch.forEach(action);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
        }
    }
}
