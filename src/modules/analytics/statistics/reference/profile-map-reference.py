"""Reference values for the immune profile map: PCA, hierarchical clustering and k-means, from numpy and SciPy
(`python3 profile-map-reference.py`). The tests (pca.test.ts, clustering.test.ts) quote this script's output;
they do not need Python to run.

- PCA: numpy's SVD of the standardised columns (centred, divided by the SD with denominator n - 1, i.e. R's
  prcomp(scale. = TRUE)); eigenvalues = s^2 / (n - 1). Signs follow the service's rule: each component is turned
  so that its largest absolute loading is positive (first such column on a tie within 1e-9).
- Hierarchical: scipy.cluster.hierarchy.linkage on Euclidean distances ('ward' = R's ward.D2), heights = Z[:, 2]
  sorted; the cut into k clusters is fcluster(criterion='maxclust'), labels renumbered by first appearance.
- k-means: three well-separated groups, where every sensible start ends in the same partition; kmeans2 with
  k-means++ starts gives it, and centres and within-cluster sums of squares are computed from that partition.
"""
import numpy as np
import scipy
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.cluster.vq import kmeans2

print("numpy", np.__version__, "scipy", scipy.__version__)
g = lambda xs: "[" + ", ".join(f"{float(x):.15g}" for x in xs) + "]"


def relabel(labels):
    seen = {}
    return [seen.setdefault(l, len(seen) + 1) for l in labels]


def pca(label, x):
    x = np.asarray(x, dtype=float)
    n, p = x.shape
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    u, s, vt = np.linalg.svd(z, full_matrices=False)
    kept = min(n - 1, p)
    eig = s**2 / (n - 1)
    for c in range(kept):
        largest = np.max(np.abs(vt[c]))
        first = next(j for j in range(p) if abs(vt[c, j]) >= largest - 1e-9)
        if vt[c, first] < 0:
            vt[c] *= -1
            u[:, c] *= -1
    scores = z @ vt[:kept].T
    print(f"{label} eigenvalues: {g(eig[:kept])}")
    print(f"{label} proportions: {g(eig[:kept] / eig.sum())}")
    for c in range(kept):
        print(f"{label} loadings PC{c + 1}: {g(vt[c])}")
    for i in range(n):
        print(f"{label} scores row {i + 1}: {g(scores[i])}")


def hclust(label, x, k):
    x = np.asarray(x, dtype=float)
    for method in ("ward", "complete", "average"):
        z = linkage(x, method=method, metric="euclidean")
        clusters = relabel(fcluster(z, t=k, criterion="maxclust"))
        print(f"{label} {method} k={k} clusters: {clusters}")
        print(f"{label} {method} heights: {g(sorted(z[:, 2]))}")


PROFILES = [
    [2.5, 2.4, 0.5, 1.1],
    [0.5, 0.7, 1.9, 0.2],
    [2.2, 2.9, 0.8, 1.5],
    [1.9, 2.2, 1.1, 0.9],
    [3.1, 3.0, 0.3, 1.8],
    [2.3, 2.7, 0.9, 1.0],
    [2.0, 1.6, 1.4, 0.4],
    [1.0, 1.1, 1.7, 0.7],
]
# Fewer patients than parameters: only n - 1 = 2 components carry variance.
WIDE = [
    [0.2, 1.5, -0.3, 0.8, 2.0],
    [1.1, 0.4, 0.9, -0.5, 1.2],
    [-0.7, 0.9, 0.1, 0.3, -1.0],
]
pca("PROFILES", PROFILES)
pca("WIDE", WIDE)
hclust("PROFILES", PROFILES, 3)

SEPARATED = [
    [0.0, 0.1], [0.3, -0.2], [-0.2, 0.2], [0.1, 0.0],
    [5.0, 5.2], [5.3, 4.9], [4.8, 5.1], [5.1, 4.7],
    [-4.9, 5.0], [-5.2, 5.3], [-5.0, 4.6], [-4.6, 5.1],
]
centroids, labels = kmeans2(np.asarray(SEPARATED), 3, minit="++", seed=1)
clusters = relabel(labels)
print(f"SEPARATED k=3 clusters: {clusters}")
x = np.asarray(SEPARATED)
for c in range(1, 4):
    members = x[[i for i, l in enumerate(clusters) if l == c]]
    centre = members.mean(axis=0)
    print(f"SEPARATED cluster {c} centre withinSs: {g(centre)} {float(((members - centre) ** 2).sum()):.15g}")
print(f"SEPARATED totalSs: {float(((x - x.mean(axis=0)) ** 2).sum()):.15g}")
hclust("SEPARATED", SEPARATED, 3)
print(f"SEPARATED ward k=2 clusters: {relabel(fcluster(linkage(np.asarray(SEPARATED), method='ward'), t=2, criterion='maxclust'))}")

# Output (numpy 2.4.6, SciPy 1.17.1, Python 3.11.7):
#   numpy 2.4.6 scipy 1.17.1
#   PROFILES eigenvalues: [3.70123967035401, 0.194492935598164, 0.0715165826272658, 0.0327508114205587]
#   PROFILES proportions: [0.925309917588503, 0.0486232338995411, 0.0178791456568164, 0.00818770285513967]
#   PROFILES loadings PC1: [-0.498162964188018, -0.506072570672589, 0.509845577895723, -0.485573579413482]
#   PROFILES loadings PC2: [-0.587660128197007, 0.0169478029333807, 0.191214761745423, 0.786005890940933]
#   PROFILES loadings PC3: [-0.160369936373551, 0.844822152785823, 0.446810487825992, -0.246814508565785]
#   PROFILES loadings PC4: [0.617066218769451, -0.172855012513077, 0.70982729558641, 0.292396369237307]
#   PROFILES scores row 1: [-1.18824975716522, -0.365740324270216, -0.313859555053011, -0.290481352571616]
#   PROFILES scores row 2: [3.10963064136795, 0.162919293724675, -0.0777151848447767, -0.162356549626322]
#   PROFILES scores row 3: [-1.39742886253766, 0.549792046437124, 0.290940876862878, -0.0162328349654434]
#   PROFILES scores row 4: [0.0168217826155298, -0.0363574221090203, 0.173847802520401, -0.0491085374130344]
#   PROFILES scores row 5: [-2.72408739004854, 0.187722597712458, -0.320560692301079, 0.166898732097026]
#   PROFILES scores row 6: [-0.791929138362249, -0.229954355075377, 0.385417959414269, -0.0501202025055716]
#   PROFILES scores row 7: [1.04040296991017, -0.756049233054992, 0.0318627761053928, 0.25026326514219]
#   PROFILES scores row 8: [1.93483975422003, 0.48766739663535, -0.169933982704071, 0.151137479842771]
#   WIDE eigenvalues: [3.38273606547282, 1.61726393452718]
#   WIDE proportions: [0.676547213094564, 0.323452786905436]
#   WIDE loadings PC1: [0.386217435800036, -0.516308636084034, 0.542128216454639, -0.538839464741802, 0.00324233705357101]
#   WIDE loadings PC2: [0.553471653295, 0.246474744957471, -0.0599049163510342, 0.104997407846642, 0.786324535061389]
#   WIDE scores row 1: [-1.49482123583254, 1.04309953589434]
#   WIDE scores row 2: [2.05388226711149, 0.373559975709967]
#   WIDE scores row 3: [-0.559061031278944, -1.41665951160431]
#   PROFILES ward k=3 clusters: [1, 2, 1, 3, 1, 1, 3, 2]
#   PROFILES ward heights: [0.547722557505166, 0.707106781186547, 0.836660026534076, 0.842614977317636, 1.36747943311773, 2.27082951070015, 4.36128803604317]
#   PROFILES complete k=3 clusters: [1, 2, 1, 3, 1, 1, 3, 2]
#   PROFILES complete heights: [0.547722557505166, 0.768114574786861, 0.836660026534076, 0.842614977317636, 1.31529464379659, 2.31084400165827, 4.14366987102013]
#   PROFILES average k=3 clusters: [1, 2, 1, 3, 1, 1, 3, 2]
#   PROFILES average heights: [0.547722557505166, 0.662445505534931, 0.836660026534076, 0.842614977317636, 1.17012053132446, 1.4578496247865, 2.56591430337328]
#   SEPARATED k=3 clusters: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]
#   SEPARATED cluster 1 centre withinSs: [0.05, 0.025] 0.2175
#   SEPARATED cluster 2 centre withinSs: [5.05, 4.975] 0.2775
#   SEPARATED cluster 3 centre withinSs: [-4.925, 5] 0.4475
#   SEPARATED totalSs: 265.615833333333
#   SEPARATED ward k=3 clusters: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]
#   SEPARATED ward heights: [0.14142135623731, 0.223606797749979, 0.282842712474619, 0.316227766016838, 0.336650164612069, 0.549241901776136, 0.594418483337567, 0.651920240520264, 0.664580067912563, 14.0714249456123, 18.2027928260107]
#   SEPARATED complete k=3 clusters: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]
#   SEPARATED complete heights: [0.14142135623731, 0.223606797749979, 0.282842712474619, 0.316227766016838, 0.360555127546399, 0.53851648071345, 0.632455532033676, 0.640312423743285, 0.728010988928052, 7.23463889907437, 10.5076162853427]
#   SEPARATED average k=3 clusters: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]
#   SEPARATED average heights: [0.14142135623731, 0.223606797749979, 0.282842712474619, 0.292080962648189, 0.316227766016838, 0.449139734976611, 0.493170625196164, 0.526311493152526, 0.594910196557886, 7.03950739412783, 8.5117407952173]
#   SEPARATED ward k=2 clusters: [1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1]
