"""``storylens eval``: score the pipeline against gold (sample corpus, fundus-eval, ECB+).

``run_eval(task, dataset)`` returns the scores as plain dicts; ``format_table`` lays them
out for the terminal. Models load only when a task needs them.
"""

from storylens.eval.runner import TASKS, format_table, run_eval

__all__ = ["TASKS", "format_table", "run_eval"]
