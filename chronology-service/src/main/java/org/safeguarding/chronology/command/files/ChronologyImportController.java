package org.safeguarding.chronology.command.files;

import java.io.IOException;
import java.io.InputStream;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.security.ActingUsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * An agency's chronology spreadsheet in: {@code POST /imports/chronology?childId=C&agencyId=A} with the file as the
 * body ({@code text/csv} or XLSX) or as the part {@code file} of a multipart form; and
 * {@code GET /imports/chronology/template.xlsx}, the empty template.
 * <ul>
 * <li>An import is a recordEntries by agency A: ADMIN, or an AGENCY user of A (else 403); an unknown child or agency
 * is 404.</li>
 * <li>Row 1 holds the headers (Source ref, Occurred, Kind and Summary required; Known, Significance, Professional,
 * Concerns optional), matched without regard to case, spaces or order; other columns are ignored. Each later
 * non-empty row is one entry; cells are trimmed. CSV is UTF-8 (BOM allowed) as RFC 4180; XLSX its first sheet.</li>
 * <li>All or nothing: every row is checked with the rules of recordEntry, a Source ref at most once per file, and
 * the record's rules (a stored Source ref with other content is a conflict). Any failing row: 422 and nothing
 * stored; else 200. Body {@code {"imported", "duplicates", "errors": [{"row", "column", "message"}], "tookMillis"}},
 * row being the sheet's own (data start at 2), column the header at fault (null for a rule of the whole row); a
 * missing header is an error on row 1. The same file again imports 0: its rows are duplicates.</li>
 * <li>More than 10,000 data rows, or more than 20 MiB: 413, nothing stored. Not UTF-8 CSV nor XLSX: 400.</li>
 * </ul>
 */
@RestController
@RequestMapping("/imports/chronology")
public class ChronologyImportController {

    private final ChronologyImport imports;

    public ChronologyImportController(ChronologyImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", ChronologyUpload.XLSX_TYPE})
    public ResponseEntity<ImportAnswer> importBody(@RequestParam String childId, @RequestParam String agencyId,
                                                   @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                   InputStream body) throws IOException {
        try (ChronologyUpload upload = ChronologyUpload.of(body, contentType, null)) {
            return answer(imports.importFile(ActingUsers.current(), childId, agencyId, upload));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportAnswer> importPart(@RequestParam String childId, @RequestParam String agencyId,
                                                   @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream body = file.getInputStream();
             ChronologyUpload upload = ChronologyUpload.of(body, file.getContentType(), file.getOriginalFilename())) {
            return answer(imports.importFile(ActingUsers.current(), childId, agencyId, upload));
        }
    }

    @GetMapping("/template.xlsx")
    public ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ChronologyUpload.XLSX_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("chronology-template.xlsx").build().toString())
                .body(ImportTemplate.xlsx());
    }

    private static ResponseEntity<ImportAnswer> answer(ImportAnswer answer) {
        return ResponseEntity.status(answer.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(answer);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(FileRefused refused) {
        return problem(refused.reason() == FileRefused.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                : HttpStatus.BAD_REQUEST, refused.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RejectedException rejected) {
        return problem(switch (rejected.rejection()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
        }, rejected.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> missing(Exception missing) {
        return problem(HttpStatus.BAD_REQUEST, missing.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, message));
    }
}
