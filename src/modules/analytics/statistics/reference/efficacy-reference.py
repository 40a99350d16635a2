"""Reference values for the efficacy analyses (clinical-efficacy.test.ts), from SciPy (`python3 efficacy-reference.py`).

Conventions reproduced: t-based 95 % CI of a mean (R t.test), Wilson score interval without continuity
correction (R prop.test(correct = FALSE); SciPy binomtest(...).proportion_ci(method="wilson")), Wilcoxon
signed-rank as R wilcox.test(paired = TRUE): zeros dropped, exact without ties or zeros for n < 50, else the
normal approximation with continuity and tie correction; Holm (written out below) and Benjamini-Hochberg
(SciPy false_discovery_control) as R p.adjust; Spearman as SciPy spearmanr. The tests quote this output.
"""
import math
import scipy
from scipy import stats

print("scipy", scipy.__version__)


def mean_ci(label, xs):
    n = len(xs)
    m = sum(xs) / n
    r = stats.ttest_1samp(xs, 0).confidence_interval(0.95)
    print(f"{label} n mean lower upper: {n} {m:.15g} {r.low:.15g} {r.high:.15g}")


def wilson(label, k, n):
    ci = stats.binomtest(k, n).proportion_ci(0.95, method="wilson")
    print(f"{label} {k}/{n} lower upper: {ci.low:.15g} {ci.high:.15g}")


def signed_rank(label, baseline, follow):
    d = [f - b for b, f in zip(baseline, follow)]
    nz = [x for x in d if x != 0]
    ties = len(set(abs(x) for x in nz)) < len(nz)
    exact = len(nz) < 50 and not ties and len(nz) == len(d)
    res = stats.wilcoxon(follow, baseline, zero_method="wilcox", correction=not exact, method="exact" if exact else "approx")
    print(f"{label} V p method: {res.statistic:.15g} {res.pvalue:.15g} {'exact' if exact else 'approx'}")
    return float(res.pvalue)


def gmfc(label, baseline, value):
    logs = [math.log(v / b) for b, v in zip(baseline, value)]
    n = len(logs)
    m = sum(logs) / n
    ci = stats.ttest_1samp(logs, 0).confidence_interval(0.95)
    print(f"{label} gmfc lower upper: {math.exp(m):.15g} {math.exp(ci.low):.15g} {math.exp(ci.high):.15g}")


def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    out, running = [0.0] * m, 0.0
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * ps[i]))
        out[i] = running
    return out


# Cohort A: TEST_SCORE (higher is worse) at baseline and the visit for the six evaluable patients.
A_BASE = [6, 5, 4, 8, 3, 0]
A_FOLLOW = [3, 5, 2, 4, 3, 1]
mean_ci("A CHANGE", [f - b for b, f in zip(A_BASE, A_FOLLOW)])
mean_ci("A PERCENT_CHANGE", [100 * (f - b) / b for b, f in zip(A_BASE, A_FOLLOW) if b > 0])
mean_ci("A PERCENT_IMPROVEMENT", [-100 * (f - b) / b for b, f in zip(A_BASE, A_FOLLOW) if b > 0])
wilson("A RESPONDERS", 3, 5)
pa = signed_rank("A SCORE", A_BASE, A_FOLLOW)

# Cohort B: five patients, all evaluable.
B_BASE = [10, 9, 8, 7, 6]
B_FOLLOW = [4, 5, 3, 6, 2]
mean_ci("B PERCENT_IMPROVEMENT", [-100 * (f - b) / b for b, f in zip(B_BASE, B_FOLLOW)])
wilson("B RESPONDERS", 3, 5)
pb = signed_rank("B SCORE", B_BASE, B_FOLLOW)

# Immune values (Treg % CD4) of the same patients, baseline and D8.
IA_BASE = [2.0, 3.0, 4.0, 5.0, 2.5, 3.0]
IA_D8 = [4.0, 5.5, 9.0, 8.0, 5.0, 6.3]
IB_BASE = [3.0, 2.0, 4.0, 3.5, 2.2]
IB_D8 = [3.3, 4.4, 7.0, 3.4, 4.0]
gmfc("A IMMUNE", IA_BASE, IA_D8)
gmfc("B IMMUNE", IB_BASE, IB_D8)
pia = signed_rank("A IMMUNE", IA_BASE, IA_D8)
pib = signed_rank("B IMMUNE", IB_BASE, IB_D8)
print("HOLM score:", " ".join(f"{p:.15g}" for p in holm([pa, pb])))
print("BH score:", " ".join(f"{p:.15g}" for p in stats.false_discovery_control([pa, pb])))
print("HOLM immune:", " ".join(f"{p:.15g}" for p in holm([pia, pib])))

# Correlation of fold change with percent improvement over the patients with both (A: baseline > 0).
folds = [v / b for b, v in zip(IA_BASE[:5], IA_D8[:5])] + [v / b for b, v in zip(IB_BASE, IB_D8)]
improvement = [-100 * (f - b) / b for b, f in zip(A_BASE[:5], A_FOLLOW[:5])] + [-100 * (f - b) / b for b, f in zip(B_BASE, B_FOLLOW)]
res = stats.spearmanr(folds, improvement)
n = len(folds)
z = math.atanh(res.statistic)
half = stats.norm.ppf(0.975) * math.sqrt(1.06 / (n - 3))
print(f"POOLED spearman n rho p lower upper: {n} {res.statistic:.15g} {res.pvalue:.15g} {math.tanh(z - half):.15g} {math.tanh(z + half):.15g}")

# Output (SciPy 1.17.1, Python 3.11.7):
#   scipy 1.17.1
#   A CHANGE n mean lower upper: 6 -1.33333333333333 -3.39692695308935 0.730260286422679
#   A PERCENT_CHANGE n mean lower upper: 5 -30 -64.0043690329128 4.00436903291278
#   A PERCENT_IMPROVEMENT n mean lower upper: 5 30 -4.00436903291278 64.0043690329128
#   A RESPONDERS 3/5 lower upper: 0.230724281276013 0.882379225767352
#   A SCORE V p method: 1 0.201242620957724 approx
#   B PERCENT_IMPROVEMENT n mean lower upper: 5 49.5793650793651 22.9521309787603 76.2065991799698
#   B RESPONDERS 3/5 lower upper: 0.230724281276013 0.882379225767352
#   B SCORE V p method: 0 0.0579072654172972 approx
#   A IMMUNE gmfc lower upper: 1.95270754176367 1.72441042753114 2.21122923103634
#   B IMMUNE gmfc lower upper: 1.49547900229464 0.967366721930444 2.31190240019955
#   A IMMUNE V p method: 0 0.0355223366234146 approx
#   B IMMUNE V p method: 1 0.125 exact
#   HOLM score: 0.201242620957724 0.115814530834594
#   BH score: 0.201242620957724 0.115814530834594
#   HOLM immune: 0.0710446732468292 0.125
#   POOLED spearman n rho p lower upper: 10 -0.225325814235688 0.531372040784376 -0.758195430328681 0.488004100901744
