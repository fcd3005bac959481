import { RichText } from '../ui/RichText';
import type { WidgetProps } from './widgetTypes';

/** The `text` widget: the step's body as paragraphs and bullet lists. */
export function TextWidget({ step, lang }: WidgetProps) {
  return <RichText text={step.body[lang]} />;
}
