"""scale: the same pipeline on a Dask cluster, for corpora one machine cannot take.

>>> from newsprism.scale import ingest_distributed
>>> report = ingest_distributed(["news.jsonl"], store, workers=4)           # a local cluster
>>> report = ingest_distributed(["news.jsonl"], store, scheduler="tcp://10.0.0.5:8786")
>>> run = cluster_store(store, workers=4, output="stories.parquet")      # stories at scale
>>> run.agreement["b3_f1"]                    # against the store's single-process stories

Dask is imported only when a distributed run starts. The store keeps one writer (this
process); workers read, clean, embed, extract, cluster partitions and compare stories.
See docs/scaling.md.
"""

from newsprism.scale.cluster_client import check_cluster_options
from newsprism.scale.compare_all import COMPARISON_KIND, compare_all, compare_story
from newsprism.scale.ingest import ingest_distributed
from newsprism.scale.parquet import export_parquet
from newsprism.scale.partitions import Partition, plan_partitions
from newsprism.scale.store_stories import StoreStories, cluster_store
from newsprism.scale.stories import DistributedStories, block_partitions, cluster_distributed
from newsprism.scale.work import PartitionResult, read_partition, run_partition

__all__ = [
    "COMPARISON_KIND",
    "DistributedStories",
    "Partition",
    "PartitionResult",
    "StoreStories",
    "block_partitions",
    "check_cluster_options",
    "cluster_distributed",
    "cluster_store",
    "compare_all",
    "compare_story",
    "export_parquet",
    "ingest_distributed",
    "plan_partitions",
    "read_partition",
    "run_partition",
]
