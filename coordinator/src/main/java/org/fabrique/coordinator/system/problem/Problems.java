package org.fabrique.coordinator.system.problem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns any error into a problem from the catalog. Client mistakes get their precise type;
 * anything unexpected becomes {@code internal-error} with a reference the operator finds in the
 * log, never a stack trace.
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    public ApiException toProblem(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ApiException api) {
            return api;
        }
        if (error instanceof WebExchangeBindException bind) {
            List<Map<String, String>> errors = bind.getFieldErrors().stream()
                    .map(Problems::fieldError)
                    .toList();
            String detail = errors.isEmpty() ? "The request is not valid"
                    : errors.get(0).get("field") + ": " + errors.get(0).get("message")
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
            return new ApiException(ProblemType.VALIDATION_FAILED, detail, Map.of("errors", errors));
        }
        if (error instanceof ConstraintViolationException violations) {
            List<Map<String, String>> errors = violations.getConstraintViolations().stream()
                    .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                    .toList();
            return new ApiException(ProblemType.VALIDATION_FAILED, errors.get(0).get("field") + ": "
                    + errors.get(0).get("message"), Map.of("errors", errors));
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content type "
                    + unsupported.getContentType() + " is not supported here; use "
                    + unsupported.getSupportedMediaTypes());
        }
        if (error instanceof NotAcceptableStatusException) {
            return new ApiException(ProblemType.NOT_ACCEPTABLE, "This resource cannot be represented in the requested media type");
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            return new ApiException(ProblemType.METHOD_NOT_ALLOWED, notAllowed.getHttpMethod()
                    + " is not allowed here; allowed: " + notAllowed.getSupportedMethods());
        }
        Throwable dataLimit = findCause(error, DataBufferLimitException.class);
        if (dataLimit != null) {
            return new ApiException(ProblemType.UPLOAD_TOO_LARGE, "The request body is larger than allowed");
        }
        if (error instanceof ServerWebInputException input) {
            return new ApiException(ProblemType.MALFORMED_REQUEST, inputDetail(input));
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return new ApiException(ProblemType.ROUTE_NOT_FOUND, "Nothing here: " + exchange.getRequest().getPath().value());
        }
        if (error instanceof AuthenticationException) {
            return new ApiException(ProblemType.UNAUTHENTICATED, "A valid bearer token is required");
        }
        if (error instanceof AccessDeniedException) {
            return new ApiException(ProblemType.FORBIDDEN, "Your role does not allow this");
        }
        if (error instanceof DuplicateKeyException) {
            return new ApiException(ProblemType.CONFLICT, "The change conflicts with existing data; reload and retry");
        }
        if (error instanceof DataAccessResourceFailureException) {
            log.warn("Store unavailable: {}", error.getMessage());
            return new ApiException(ProblemType.SERVICE_UNAVAILABLE, "The store is unavailable; retry later");
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return new ApiException(status.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? ProblemType.UPLOAD_TOO_LARGE : ProblemType.MALFORMED_REQUEST, status.getReason() == null
                    ? "The request was refused" : status.getReason());
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error on {} {} (reference {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), reference, error);
        return new ApiException(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; reference " + reference,
                Map.of("reference", reference));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message",
                error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String inputDetail(ServerWebInputException input) {
        JacksonException json = findCause(input, JacksonException.class);
        if (json != null) {
            TokenStreamLocation location = json.getLocation();
            String where = location == null || location.getLineNr() < 0 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return "The request body is not valid JSON for this call" + where + ": " + firstLine(json.getOriginalMessage());
        }
        if (findCause(input, DecodingException.class) != null || input.getReason() == null) {
            return "The request body could not be read";
        }
        return input.getReason();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        // Type names of the server's classes mean nothing to a client.
        return line.replaceAll("`[a-z][\\w.]*\\.([A-Z]\\w*)(\\$\\w+)?`", "$1");
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
