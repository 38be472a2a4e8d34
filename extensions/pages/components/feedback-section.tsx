import { useState } from 'react';
import { Flex, Heading, Select, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { FeedbackRow, PortfolioPageView } from '../../../src/views/pages/portfolio-page-view';
import { shown } from './figure';

const SLICES = { segment: 'Segment', owner: 'Owner', month: 'Month' } as const;
type Slice = keyof typeof SLICES;

/** NPS and CSAT by segment, owner or month, each with its response counts (and rate when known). */
export function FeedbackSection({ view }: { view: PortfolioPageView }) {
  const [slice, setSlice] = useState<Slice>('segment');
  const rows: FeedbackRow[] = slice === 'segment' ? view.feedback.bySegment : slice === 'owner' ? view.feedback.byOwner : view.feedback.byMonth;
  const withRate = rows.some((r) => r.responseRate);
  return (
    <Flex direction="column" gap="sm">
      <Heading>NPS and CSAT</Heading>
      <Select name="feedback-slice" label="By" value={slice} onChange={(value) => setSlice(value === 'owner' || value === 'month' ? value : 'segment')} options={Object.entries(SLICES).map(([value, label]) => ({ value, label }))} />
      {rows.length ? (
        <Table bordered={false}>
          <TableHead>
            <TableRow>
              <TableHeader>{SLICES[slice]}</TableHeader>
              <TableHeader>NPS</TableHeader>
              <TableHeader>NPS answers</TableHeader>
              <TableHeader>CSAT</TableHeader>
              <TableHeader>CSAT answers</TableHeader>
              <TableHeader>All answers</TableHeader>
              {withRate && <TableHeader>Response rate</TableHeader>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{r.key}</TableCell>
                <TableCell>{shown(r.nps)}</TableCell>
                <TableCell>{String(r.npsResponses)}</TableCell>
                <TableCell>{shown(r.csat)}</TableCell>
                <TableCell>{String(r.csatResponses)}</TableCell>
                <TableCell>{String(r.responses)}</TableCell>
                {withRate && <TableCell>{r.responseRate ? shown(r.responseRate) : 'not known'}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>No survey answer in the last 365 days.</Text>
      )}
      <Text variant="microcopy">NPS = % promoters (9-10) - % detractors (0-6), never an average; CSAT = share of satisfied answers. A dash means nobody answered.</Text>
    </Flex>
  );
}
