// File import (CSV, XLSX, JSONL) into the ledger: read → map columns → validate rows → store.
export { parseCsv, type CsvRecord } from "./csv";
export { readTable, detectFormat, ImportFileError, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type Table, type TableRow, type Cell } from "./table";
export { suggestMapping, parseMapArg, mergeMapping, missingColumns, columnMappingSchema, MAPPING_KEYS, type ColumnMapping } from "./mapping";
export { mapRows, parseImportTime, type MappedRows, type RejectedRow } from "./rows";
export { sourceForImport, importItems, rejectedReason, rejectedLine, importSourceUrl, type ImportOutcome } from "./commands";
export { UploadStore, type PendingUpload } from "./uploads";
export { multipartBoundary, firstFilePart } from "./multipart";
export { addManualItem, fetchArticle, manualItem, manualSourceNeedsWrite, MANUAL_SOURCE_NAME, type ManualInput, type ManualOutcome } from "./manual";
