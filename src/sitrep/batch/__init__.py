"""Batch: the same pipeline over big archives on Dask distributed, out to partitioned Parquet.

    run_batch(items, out, settings, workers=2)          run.py    partitions → Dask workers → Parquet
        PipelinePlugin / run_partition                    work.py   the pipeline loaded once per worker
        BatchOutput                                       output.py the folder: files, markers, resuming
        SCHEMAS                                           schema.py Arrow schemas from the record contract
    load_output(out, store)                             load.py   into a database, merged in published order
    BatchProgress, estimate_documents                    progress.py the bar on stderr

docs/batch.md is the user's guide (clusters, the tables, reading them from pandas, DuckDB, Polars, Spark).
"""

from .load import LoadReport, load_output
from .output import BatchOutput
from .progress import BatchProgress, estimate_documents
from .run import DEFAULT_PARTITION_SIZE, BatchReport, run_batch
from .schema import SCHEMAS, TABLES

__all__ = ["DEFAULT_PARTITION_SIZE", "SCHEMAS", "TABLES", "BatchOutput", "BatchProgress", "BatchReport",
           "LoadReport", "estimate_documents", "load_output", "run_batch"]
