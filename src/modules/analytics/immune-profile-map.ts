import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id";
import type { Cohort } from "../study/cohort.entity";
import { AnalysisPopulation } from "./analysis-filter";
import type { ImmunePair } from "./immune-pairs";
import { buildProfiles, percent } from "./immune-profiles";
import { checkMatrix, hierarchicalClustering, kMeansClustering, KMEANS_RESTARTS, Linkage, principalComponents, standardise } from "./statistics";
import type { Estimate, NotEstimable } from "./statistics";
import { NotEstimableStatistic } from "./statistics-types";

registerEnumType(Linkage, {
  name: "ClusterLinkage",
  description: "Linkage of the hierarchical clustering, on Euclidean distances: WARD is Ward's minimum variance (R's ward.D2, SciPy's \"ward\").",
});

@ObjectType({ description: "A candidate parameter left out of the map, and why." })
export class ImmuneProfileDroppedParameter {
  @Field() parameter: string;
  @Field(() => Int, { description: "Measured patients with a fold change of it." }) patientsWithFoldChange: number;
  @Field(() => Float, { description: "patientsWithFoldChange ÷ patientsMeasured (0 to 1)." }) coverage: number;
  @Field() reason: string;
}

@ObjectType({ description: "Variance a principal component explains." })
export class ImmuneProfileComponent {
  @Field(() => Int, { description: "1 for the first principal component (PC1)." }) component: number;
  @Field(() => Float, { description: "Its variance: eigenvalue of the parameters' correlation matrix." }) eigenvalue: number;
  @Field(() => Float, { description: "Share of the total variance, 0 to 1." }) proportion: number;
  @Field(() => Float) cumulative: number;
}

@ObjectType({ description: "A parameter's loadings on the first principal components." })
export class ImmuneProfileLoading {
  @Field() parameter: string;
  @Field(() => [Float], { description: "Unit-length eigenvector coefficients (R's prcomp rotation), PC1 first." }) loadings: number[];
}

@ObjectType({ description: "Principal component analysis of the standardised profiles." })
export class ImmuneProfilePca {
  @Field(() => [ImmuneProfileComponent], { description: "Every component with variance (at most min(patients − 1, parameters))." }) components: ImmuneProfileComponent[];
  @Field(() => [ImmuneProfileLoading], { description: "One per analysed parameter, in the order of `parameters`." }) loadings: ImmuneProfileLoading[];
}

@ObjectType({ description: "Hierarchical clustering of the standardised profiles, cut into k clusters." })
export class ImmuneProfileHierarchical {
  @Field(() => Linkage) linkage: Linkage;
  @Field(() => Int) k: number;
  @Field(() => [Int], { description: "Patients in cluster 1, 2, …" }) sizes: number[];
  @Field(() => [Float], { description: "The patients − 1 merge heights, ascending (Euclidean distance units of the standardised profiles)." }) mergeHeights: number[];
}

@ObjectType({ description: "A k-means cluster." })
export class ImmuneProfileKMeansCluster {
  @Field(() => Int) cluster: number;
  @Field(() => Int) size: number;
  @Field(() => [Float], { description: "Centre, in standardised units (SDs from each parameter's mean), in the order of `parameters`." }) centre: number[];
  @Field(() => Float, { description: "Sum of squared distances of its patients to its centre." }) withinSs: number;
}

@ObjectType({ description: "Seeded k-means of the standardised profiles." })
export class ImmuneProfileKMeans {
  @Field(() => Int) k: number;
  @Field(() => Int) seed: number;
  @Field(() => Int, { description: "k-means++ starts tried (seeded seed, seed + 1, …); the one with the smallest total within-cluster sum of squares is kept." }) restarts: number;
  @Field({ description: "Whether the kept start converged." }) converged: boolean;
  @Field(() => [ImmuneProfileKMeansCluster]) clusters: ImmuneProfileKMeansCluster[];
  @Field(() => Float) totalWithinSs: number;
  @Field(() => Float, { description: "Sum of squared distances to the overall mean: totalWithinSs + between-cluster sum of squares." }) totalSs: number;
}

@ObjectType({ description: "One measured patient: their profile, their place on the map and their clusters; null where they are not analysed." })
export class ImmuneProfilePatient {
  @Field(() => ID) patientId: string;
  @Field() subjectCode: string;
  @Field() cohortCode: string;
  @Field() siteCode: string;
  @Field({ description: "Whether the patient has a fold change of every analysed parameter, and so is on the map." }) analysed: boolean;
  @Field(() => String, { nullable: true, description: "Why the patient is not analysed." }) note: string | null;
  @Field(() => [Float], { nullable: "items", description: "log2(value ÷ baseline) of each analysed parameter, in the order of `parameters`; null where missing." }) log2FoldChanges: Array<number | null>;
  @Field(() => [Float], { nullable: true, description: "Scores on the first `components` principal components, PC1 first." }) scores: number[] | null;
  @Field(() => Int, { nullable: true }) hierarchicalCluster: number | null;
  @Field(() => Int, { nullable: true }) kMeansCluster: number | null;
}

@ObjectType({ description: "Unsupervised map of the immune response: per-patient log2 fold-change profiles across immune parameters, their principal components and clusters." })
export class ImmuneProfileMap {
  @Field() visit: string;
  @Field() baselineVisit: string;
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field({ description: "The method in words: profiles, missing values, standardisation, PCA, clustering." }) method: string;
  @Field(() => Float, { description: "Share of measured patients a parameter needs a fold change for, 0 to 1." }) minCoverage: number;
  @Field(() => [String], { description: "Parameters analysed: the columns of every per-parameter list." }) parameters: string[];
  @Field(() => [ImmuneProfileDroppedParameter]) droppedParameters: ImmuneProfileDroppedParameter[];
  @Field(() => Int, { description: "Patients of the population with a follow-up value of a candidate parameter at the visit." }) patientsMeasured: number;
  @Field(() => Int, { description: "Patients on the map: a fold change of every analysed parameter." }) patientsAnalysed: number;
  @Field(() => Int, { description: "Measured patients left out for a missing fold change (patientsMeasured − patientsAnalysed)." }) patientsExcluded: number;
  @Field(() => [ImmuneProfilePatient], { description: "Every measured patient, in cohort then subject-code order; cluster numbers follow first appearance in this order." }) patients: ImmuneProfilePatient[];
  @Field(() => ImmuneProfilePca, { nullable: true }) pca: ImmuneProfilePca | null;
  @Field(() => ImmuneProfileHierarchical, { nullable: true }) hierarchical: ImmuneProfileHierarchical | null;
  @Field(() => ImmuneProfileKMeans, { nullable: true }) kMeans: ImmuneProfileKMeans | null;
  @Field(() => [NotEstimableStatistic], { description: "pca, hierarchical or kMeans when null, with the reason." }) notEstimable: NotEstimableStatistic[];
}

const LINKAGE_NAME: Record<Linkage, string> = { WARD: "Ward's linkage, R's ward.D2", COMPLETE: "complete linkage", AVERAGE: "average linkage" };

export interface ProfileMapOptions {
  /** Every parameter code in catalogue order, and those asked for (null: every one with a fold change). */
  catalogue: readonly string[];
  parameters: readonly string[] | null;
  minCoverage: number;
  components: number;
  k: number;
  seed: number;
  linkage: Linkage;
}

const note = (statistic: string, e: NotEstimable) => Object.assign(new NotEstimableStatistic(), { statistic, reason: e.reason, message: e.message });

/** The map of the population's pairs (every candidate parameter at one visit, paired with baseline). */
export function immuneProfileMap(pairs: readonly ImmunePair[], cohorts: readonly Cohort[], options: ProfileMapOptions): Omit<ImmuneProfileMap, "visit" | "baselineVisit" | "population"> {
  const { k, seed, linkage } = options;
  const m = buildProfiles(pairs, options);
  const notes: NotEstimableStatistic[] = [];
  const take = <T>(statistic: string, e: Estimate<T>) => {
    if (e.estimable) return e;
    notes.push(note(statistic, e));
    return null;
  };
  const usable = checkMatrix(m.rows);
  const pca = take("pca", usable ?? principalComponents(m.rows));
  const z = usable ? null : standardise(m.rows);
  const tree = take("hierarchical", usable ?? hierarchicalClustering(z!, k, linkage));
  const km = take("kMeans", usable ?? kMeansClustering(z!, k, seed));
  const shown = pca ? Math.min(options.components, pca.eigenvalues.length) : 0;
  const row = new Map(m.analysed.map((p, i) => [p.patientId, i]));
  const cohortCode = new Map(cohorts.map((c) => [c.id, c.code]));
  return {
    method:
      `log2(value ÷ baseline) of each parameter per patient; parameters with a fold change for fewer than ${percent(options.minCoverage)} of the measured patients dropped, ` +
      `then patients missing any remaining parameter left out (complete cases, nothing imputed), then parameters equal for every analysed patient dropped; ` +
      `each parameter centred and divided by its SD (n − 1), i.e. PCA of the correlation matrix (SVD, ml-pca; each component signed so that its largest absolute loading is positive); ` +
      `clusters on Euclidean distances between standardised profiles: hierarchical (${LINKAGE_NAME[linkage]}, ml-hclust) cut into ${k}, and k-means (ml-kmeans, k-means++ starts, seed ${seed}, best of ${KMEANS_RESTARTS})`,
    minCoverage: options.minCoverage,
    parameters: m.parameters,
    droppedParameters: m.dropped.map((d) => Object.assign(new ImmuneProfileDroppedParameter(), d)),
    patientsMeasured: m.patients.length,
    patientsAnalysed: m.analysed.length,
    patientsExcluded: m.patients.length - m.analysed.length,
    patients: m.patients.map((p) => {
      const i = row.get(p.patientId);
      return Object.assign(new ImmuneProfilePatient(), {
        patientId: toGlobalId("Patient", p.patientId),
        subjectCode: p.subjectCode,
        cohortCode: cohortCode.get(p.cohortId) ?? String(p.cohortId),
        siteCode: p.siteCode,
        analysed: i !== undefined,
        note: m.excluded.get(p.patientId) ?? null,
        log2FoldChanges: m.parameters.map((parameter) => p.log2FoldChange.get(parameter) ?? null),
        scores: pca && i !== undefined ? pca.scores[i].slice(0, shown) : null,
        hierarchicalCluster: tree && i !== undefined ? tree.clusters[i] : null,
        kMeansCluster: km && i !== undefined ? km.clusters[i] : null,
      });
    }),
    pca: pca
      ? Object.assign(new ImmuneProfilePca(), {
          components: pca.eigenvalues.map((eigenvalue, c) => Object.assign(new ImmuneProfileComponent(), { component: c + 1, eigenvalue, proportion: pca.proportions[c], cumulative: pca.cumulative[c] })),
          loadings: m.parameters.map((parameter, j) => Object.assign(new ImmuneProfileLoading(), { parameter, loadings: pca.loadings.slice(0, shown).map((l) => l[j]) })),
        })
      : null,
    hierarchical: tree
      ? Object.assign(new ImmuneProfileHierarchical(), { linkage, k, sizes: Array.from({ length: k }, (_, c) => tree.clusters.filter((x) => x === c + 1).length), mergeHeights: [...tree.mergeHeights] })
      : null,
    kMeans: km
      ? Object.assign(new ImmuneProfileKMeans(), {
          k,
          seed,
          restarts: km.restarts,
          converged: km.converged,
          totalWithinSs: km.totalWithinSs,
          totalSs: km.totalSs,
          clusters: km.centres.map((c, i) => Object.assign(new ImmuneProfileKMeansCluster(), { cluster: i + 1, size: c.size, centre: [...c.centre], withinSs: c.withinSs })),
        })
      : null,
    notEstimable: notes,
  };
}
