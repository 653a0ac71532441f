package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.PageResponse;
import dev.shophealth.order.OrderDetailResponse;
import dev.shophealth.order.OrderResponse;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.decision.EvaluationReport;
import dev.shophealth.shophealth.HealthReport;
import dev.shophealth.shophealth.ShopsHealthService;
import io.quarkus.qute.TemplateData;

/** The services' answer types the templates read (value resolvers are generated for them at build time). */
@TemplateData(target = HealthReport.class)
@TemplateData(target = HealthReport.RankedSuggestion.class)
@TemplateData(target = EvaluationReport.FindingView.class)
@TemplateData(target = EvaluationReport.SuggestionView.class)
@TemplateData(target = EvaluationReport.ConsequenceView.class)
@TemplateData(target = FiredRule.class)
@TemplateData(target = CancellationResponse.class)
@TemplateData(target = CancellationResponse.Screening.class)
@TemplateData(target = CancellationResponse.BuyerContactView.class)
@TemplateData(target = CancellationResponse.RefundView.class)
@TemplateData(target = CancellationResponse.ExpectedDecision.class)
@TemplateData(target = OrderResponse.class)
@TemplateData(target = OrderDetailResponse.Evidence.class)
@TemplateData(target = OrderDetailResponse.StockCountView.class)
@TemplateData(target = OrderDetailResponse.InspectionView.class)
@TemplateData(target = OrderDetailResponse.LogisticsEventView.class)
@TemplateData(target = PageResponse.class)
@TemplateData(target = ShopsHealthService.ShopRisk.class)
@TemplateData(target = FieldError.class)
@TemplateData(target = CancelPage.Form.class)
@TemplateData(target = dev.shophealth.ruleset.ActiveRulesetReport.class)
@TemplateData(target = dev.shophealth.ruleset.RulesetActivation.class)
@TemplateData(target = dev.shophealth.ruleset.engine.RuleInfo.class)
@TemplateData(target = dev.shophealth.ruleset.engine.ScenarioRunner.Result.class)
@TemplateData(target = dev.shophealth.decision.CoverageReport.class)
@TemplateData(target = dev.shophealth.decision.CoverageReport.RuleCount.class)
@TemplateData(target = dev.shophealth.decision.DecisionView.class)
@TemplateData(target = dev.shophealth.decision.DecisionSearch.DecisionSummary.class)
@TemplateData(target = dev.shophealth.decision.ReplayReport.class)
@TemplateData(target = dev.shophealth.decision.ReplayReport.Difference.class)
@TemplateData(target = dev.shophealth.ruleset.engine.Evaluation.class)
@TemplateData(target = dev.shophealth.outcome.Finding.class)
@TemplateData(target = dev.shophealth.ruleset.version.VersionView.class)
@TemplateData(target = dev.shophealth.ruleset.version.ActivationView.class)
@TemplateData(target = dev.shophealth.ruleset.backtest.BacktestJob.View.class)
@TemplateData(target = dev.shophealth.ruleset.backtest.BacktestReport.class)
@TemplateData(target = dev.shophealth.ruleset.backtest.BacktestReport.ChangedDecision.class)
@TemplateData(target = dev.shophealth.ruleset.backtest.BacktestReport.ChangedLevel.class)
@TemplateData(target = dev.shophealth.security.Audit.EventView.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
