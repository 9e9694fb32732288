"""Tests run from the project folder, as `mlflow run` runs the entry points: relative data paths, local imports."""

import os
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
os.chdir(HERE)
