"""Reference values for Spearman's correlation, from SciPy (`python3 spearman-reference.py`).

p follows SciPy's `spearmanr` (t approximation on n - 2 df). The Fisher-z interval uses Fieller, Hartley &
Pearson's variance 1.06/(n - 3) and is computed here from its formula with SciPy's normal quantile.
The tests quote this script's output; they do not need SciPy to run.
"""
import math
import scipy
from scipy import stats

print("scipy", scipy.__version__)


def show(label, x, y):
    res = stats.spearmanr(x, y)
    rho, p = float(res.statistic), float(res.pvalue)
    n = len(x)
    z = math.atanh(rho)
    half = stats.norm.ppf(0.975) * math.sqrt(1.06 / (n - 3))
    print(f"{label} rho p lower upper: {rho:.15g} {p:.15g} {math.tanh(z - half):.15g} {math.tanh(z + half):.15g}")


show("PLAIN", [1.2, 2.3, 3.1, 4.8, 5.0, 6.7, 7.1, 8.4, 9.9, 10.2], [2.0, 1.8, 3.5, 3.9, 6.1, 5.2, 7.7, 7.0, 9.1, 8.8])
show("TIES", [1, 2, 2, 3, 4, 4, 4, 5, 6], [3, 1, 2, 2, 5, 4, 6, 6, 5])
show("NEGATIVE", [3.1, 0.4, 2.2, 5.5, 1.0], [1.0, 2.5, 2.0, 0.1, 1.9])
res = stats.spearmanr([1, 2, 3], [1, 3, 2])
print(f"THREE rho p: {float(res.statistic):.15g} {float(res.pvalue):.15g}")

# Output (SciPy 1.17.1, Python 3.11.7):
#   scipy 1.17.1
#   PLAIN rho p lower upper: 0.951515151515151 2.27985492064169e-05 0.794993708133678 0.989248895170517
#   TIES rho p lower upper: 0.762959385165011 0.0167822698344513 0.177550170338482 0.949538207760289
#   NEGATIVE rho p lower upper: -0.9 0.0373860734684987 -0.993952261547089 -0.0453131191825803
#   THREE rho p: 0.5 0.666666666666667


# Exact two-sided p for samples without ties (n <= 9): every pairing of the ranks, as R's cor.test gives
# for such samples (e.g. NEGATIVE: S = 38, p = 0.08333). Enumerated here independently of the service.
import itertools


def exact(label, x, y):
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    n = len(x)
    centre = (n ** 3 - n) / 6
    s_obs = abs(sum((a - b) ** 2 for a, b in zip(rx, ry)) - centre)
    perms = list(itertools.permutations(ry))
    far = sum(1 for p in perms if abs(sum((a - b) ** 2 for a, b in zip(rx, p)) - centre) >= s_obs - 1e-9)
    print(f"{label} exact rho p: {float(stats.spearmanr(x, y).statistic):.15g} {far / len(perms):.15g}")


exact("NEGATIVE", [3.1, 0.4, 2.2, 5.5, 1.0], [1.0, 2.5, 2.0, 0.1, 1.9])
exact("PERFECT4", [1, 2, 3, 4], [2, 4, 6, 9])
exact("NINE", [2.1, 3.4, 1.2, 8.8, 5.5, 6.1, 7.7, 4.3, 9.0], [1.0, 2.2, 3.1, 6.5, 4.4, 9.9, 7.0, 5.2, 8.1])
exact("THREE", [1, 2, 3], [1, 3, 2])
