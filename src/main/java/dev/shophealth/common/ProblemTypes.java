package dev.shophealth.common;

/** Problem {@code type} URIs: one per HTTP status family we answer with, documented in the README. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "/problems/invalid-request";
            case 404 -> "/problems/not-found";
            case 405 -> "/problems/method-not-allowed";
            case 406 -> "/problems/not-acceptable";
            case 409 -> "/problems/conflict";
            case 413 -> "/problems/payload-too-large";
            case 414 -> "/problems/uri-too-long";
            case 415 -> "/problems/unsupported-media-type";
            case 422 -> "/problems/unprocessable";
            case 431 -> "/problems/headers-too-large";
            case 503 -> "/problems/unavailable";
            default -> status >= 500 ? "/problems/internal-error" : "/problems/client-error";
        };
    }

    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 431 -> "Request headers too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Client error";
        };
    }
}
