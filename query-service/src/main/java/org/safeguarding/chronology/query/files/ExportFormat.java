package org.safeguarding.chronology.query.files;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The export's formats, by the name the {@code format} parameter gives, each with its media type and writer. */
enum ExportFormat {

    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxChronology::new),
    CSV("text/csv;charset=UTF-8", (out, view, colours) -> new CsvChronology(out)),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxChronology::new),
    PDF("application/pdf", PdfChronology::new);

    /** Starts the document: its title block and the table's header row. */
    @FunctionalInterface
    interface Writer {
        ChronologyDocument open(OutputStream out, ExportView view, AgencyColours colours) throws IOException;
    }

    private final String mediaType;
    private final Writer writer;

    ExportFormat(String mediaType, Writer writer) {
        this.mediaType = mediaType;
        this.writer = writer;
    }

    String mediaType() {
        return mediaType;
    }

    /** The file name's extension, and the parameter's value. */
    String extension() {
        return name().toLowerCase();
    }

    /** Whether rows carry their agency's colour (then the agencies of the view are read first). */
    boolean coloured() {
        return this != CSV;
    }

    ChronologyDocument open(OutputStream out, ExportView view, AgencyColours colours) throws IOException {
        return writer.open(out, view, colours);
    }

    static ExportFormat named(String format) {
        return Arrays.stream(values()).filter(value -> value.extension().equals(format)).findFirst()
                .orElseThrow(() -> badRequest("format must be one of " + Arrays.stream(values())
                        .map(ExportFormat::extension).collect(Collectors.joining(", ")) + ", not '" + format + "'"));
    }
}
