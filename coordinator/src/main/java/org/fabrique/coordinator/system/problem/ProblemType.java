package org.fabrique.coordinator.system.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The catalog of every error the API can answer. One place fixes each error's stable type, HTTP
 * status and title; {@code docs/api.md#errors} lists them for client authors.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Request validation failed"),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", HttpStatus.BAD_REQUEST, "Idempotency-Key header required"),
    IDEMPOTENCY_KEY_INVALID("idempotency-key-invalid", HttpStatus.BAD_REQUEST, "Idempotency-Key header is not valid"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    SELF_REGISTRATION_DISABLED("self-registration-disabled", HttpStatus.FORBIDDEN, "Maker self-registration is disabled"),
    ROUTE_NOT_FOUND("route-not-found", HttpStatus.NOT_FOUND, "No such resource"),
    DESIGN_NOT_FOUND("design-not-found", HttpStatus.NOT_FOUND, "Design not found"),
    PART_NOT_FOUND("part-not-found", HttpStatus.NOT_FOUND, "Design part not found"),
    NEED_NOT_FOUND("need-not-found", HttpStatus.NOT_FOUND, "Need not found"),
    LOT_NOT_FOUND("lot-not-found", HttpStatus.NOT_FOUND, "Lot not found"),
    MAKER_NOT_FOUND("maker-not-found", HttpStatus.NOT_FOUND, "Maker not found"),
    PRINTER_NOT_FOUND("printer-not-found", HttpStatus.NOT_FOUND, "Printer not found"),
    HOSPITAL_NOT_FOUND("hospital-not-found", HttpStatus.NOT_FOUND, "Hospital not found"),
    ACCOUNT_NOT_FOUND("account-not-found", HttpStatus.NOT_FOUND, "Account not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Cannot produce the requested media type"),
    ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT, "Illegal lot state transition"),
    LEASE_EXPIRED("lease-expired", HttpStatus.CONFLICT, "The lot's lease has expired"),
    NEED_NOT_OPEN("need-not-open", HttpStatus.CONFLICT, "The need is not open"),
    DESIGN_VERSION_EXISTS("design-version-exists", HttpStatus.CONFLICT, "This design version already exists"),
    DESIGN_NOT_DRAFT("design-not-draft", HttpStatus.CONFLICT, "Only a draft design version can change"),
    DESIGN_NOT_PUBLISHED("design-not-published", HttpStatus.CONFLICT, "The design version is not published"),
    LABEL_NOT_READY("label-not-ready", HttpStatus.CONFLICT, "The lot has no label until it is printed"),
    REQUEST_IN_PROGRESS("request-in-progress", HttpStatus.CONFLICT, "A request with this idempotency key is in progress"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflicting change"),
    UPLOAD_TOO_LARGE("upload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Upload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    INVALID_STL("invalid-stl", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid STL file"),
    INVALID_DESIGN("invalid-design", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid design manifest"),
    INVALID_REPORT("invalid-report", HttpStatus.UNPROCESSABLE_CONTENT, "Printed and failed counts do not add up"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused for a different request"),
    DESIGN_UNAVAILABLE("design-unavailable", HttpStatus.UNPROCESSABLE_CONTENT, "Design version cannot be requested"),
    INSPECTION_INVALID("inspection-invalid", HttpStatus.UNPROCESSABLE_CONTENT, "The inspection record is not valid"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable {@code type} member: a relative URI the coordinator also serves as documentation. */
    public URI uri() {
        return URI.create("/problems/" + slug);
    }
}
