package org.anteroom.admin;

import java.util.List;

/**
 * Every admin API error: {@code {"error": "<code>", "message": "<sentence>"}}, and for invalid input
 * {@code "problems"}, one sentence per broken rule, each naming its field. The codes are in
 * docs/admin-api.md; a null {@code problems} is left out.
 */
public record ErrorBody(String error, String message, List<String> problems) {

    ErrorBody(String error, String message) {
        this(error, message, null);
    }
}
