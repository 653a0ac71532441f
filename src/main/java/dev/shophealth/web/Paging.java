package dev.shophealth.web;

import dev.shophealth.common.PageResponse;
import io.quarkus.qute.TemplateData;

/** Where a listing stands: page n of m, and whether there is a page before and after. */
@TemplateData
public record Paging(int page, int pages, long total, boolean hasPrevious, boolean hasNext, int previous, int next) {

    static final int MAX_PAGE = 100_000;

    static Paging of(PageResponse<?> r, String what) {
        return of(r.page(), r.size(), r.total());
    }

    static Paging of(int page, int size, long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Paging(page + 1, pages, total, page > 0, page + 1 < pages, page - 1, page + 1);
    }

    /** A page number from a query parameter: anything that is not 0 … MAX_PAGE is page 0. */
    static int page(String text) {
        try {
            int p = Integer.parseInt(text == null ? "0" : text.strip());
            return p < 0 || p > MAX_PAGE ? 0 : p;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
