import { Navigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { api } from '../../api/client';

/** The 工作台 links a 司法建议 (its own workflow) here: it is shown on its lawsuit's page. */
export default function SuggestionRedirect() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['litigation', 'suggestion', id], queryFn: () => api.get<{ caseId: string }>(`/api/litigation/suggestions/${id}`) });
  if (q.data) return <Navigate replace to={`/litigation/cases/${q.data.caseId}`} />;
  return <Card loading={q.isLoading} />;
}
