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
final class TemplateTypes {

    private TemplateTypes() {
    }
}
