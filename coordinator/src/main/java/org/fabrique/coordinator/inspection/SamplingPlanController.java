package org.fabrique.coordinator.inspection;

import java.time.Duration;
import java.util.regex.Pattern;

import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sampling plan for a lot size and an AQL, for the hospital desk and any other tool; public. */
@RestController
class SamplingPlanController {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d{1,6})?");

    @GetMapping("/api/inspection/sampling-plan")
    ResponseEntity<SamplingPlan> plan(@RequestParam(required = false) String lotSize,
            @RequestParam(required = false) String aql) {
        int items = parseLotSize(lotSize);
        double limit = parseAql(aql);
        try {
            // The tables never change: a plan may be cached as long as anyone likes.
            return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                    .body(SamplingPlans.forLot(items, limit));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, e.getMessage());
        }
    }

    private static int parseLotSize(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "lotSize: is required (the number of items in the lot)");
        }
        String trimmed = text.trim();
        long value = WHOLE_NUMBER.matcher(trimmed).matches() ? Long.parseLong(trimmed) : -1;
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "lotSize: must be a whole number from 1 to "
                    + Integer.MAX_VALUE + ", got \"" + text + "\"");
        }
        return (int) value;
    }

    private static double parseAql(String text) {
        if (text == null || text.isBlank()) {
            return SamplingPlans.DEFAULT_AQL;
        }
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "aql: must be a decimal number such as 2.5, got \""
                    + text + "\"");
        }
        return Double.parseDouble(trimmed);
    }
}
