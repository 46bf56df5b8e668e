package io.carga.ui.api;

/** A request the API refuses: its HTTP status and one line for the caller; nothing was changed. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400: bad input. */
    public static ApiError bad(String message) {
        return new ApiError(400, message);
    }

    public int status() {
        return status;
    }
}
