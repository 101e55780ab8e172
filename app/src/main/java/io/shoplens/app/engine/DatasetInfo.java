package io.shoplens.app.engine;

import java.time.LocalDate;
import java.util.List;

import io.shoplens.engine.logs.LogKind;

/**
 * One dataset of the workspace as the catalog describes it.
 *
 * @param id          catalog id (stable across renames)
 * @param name        display name, initially the file name
 * @param kind        the kind of log
 * @param accepted    rows stored
 * @param rejected    rows quarantined
 * @param firstDate   first date in the data, or null (kinds without dates)
 * @param lastDate    last date in the data, or null
 * @param sourceFiles the files it was imported from
 * @param fingerprint SHA-256 of the source bytes ("" when unknown), for reports that can be re-run
 */
public record DatasetInfo(String id, String name, LogKind kind, long accepted, long rejected,
                          LocalDate firstDate, LocalDate lastDate, List<String> sourceFiles, String fingerprint) {

    public DatasetInfo {
        sourceFiles = List.copyOf(sourceFiles);
    }

    public DatasetInfo withName(String newName) {
        return new DatasetInfo(id, newName, kind, accepted, rejected, firstDate, lastDate, sourceFiles, fingerprint);
    }
}
