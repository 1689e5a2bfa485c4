package cn.duban.supervision.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one ledger import may bring (docs/ledger.md, "Limits"). A county's ledger is a few hundred tasks and well
 * under a megabyte; the defaults leave room for a city's and keep one import within a small heap.
 */
@ConfigMapping(prefix = "duban.import")
public interface ImportLimits {

    /** Bytes of a spreadsheet (.xlsx, .xls, CSV); a JSON ledger is held to the HTTP body limit. */
    @WithDefault("10M")
    MemorySize maxBytes();

    /** Tasks of one ledger: JSON tasks, or non-blank sheet rows under the header. */
    @WithDefault("10000")
    int maxRows();

    /** An .xls workbook is read whole into memory (no streaming reader exists for it): only a small one is taken. */
    @WithDefault("2M")
    MemorySize maxXlsBytes();

    /** The largest part of an .xlsx workbook once unzipped (a sheet, the shared strings): no zip bomb gets through. */
    @WithDefault("64M")
    MemorySize maxUnzippedBytes();
}
