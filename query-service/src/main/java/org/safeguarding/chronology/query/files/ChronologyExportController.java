package org.safeguarding.chronology.query.files;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /exports/chronology: the merged chronology as XLSX, CSV, DOCX or PDF (the contract's "Agency chronologies in
 * and out"). A refusal is a problem detail naming the parameter: 400, 403, or 404 for an unknown child.
 */
@RestController
class ChronologyExportController {

    private final ChronologyExports exports;

    ChronologyExportController(ChronologyExports exports) {
        this.exports = exports;
    }

    @GetMapping("/exports/chronology")
    void export(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
            throws IOException {
        exports.export(ExportAsked.of(parameters), response);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RejectedException rejected) {
        HttpStatus status = switch (rejected.rejection()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, rejected.getMessage()));
    }
}
